package io.jslab.jmx;

import static io.jslab.jmx.SlabCacheMBeanTest.assertDescribed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentMBeanTest {

    private JmxFixture fixture;
    private ObjectName agent;

    @BeforeEach
    void start() throws Exception {
        fixture = new JmxFixture();
        agent = JmxFixture.name("io.jslab:type=Agent");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void attributesAreTheAgentsView() throws Exception {
        try (LoopbackConnector connector = new LoopbackConnector(fixture.server)) {
            MBeanServerConnection c = connector.connection();
            assertEquals("0.1.0-test", c.getAttribute(agent, "Version"));
            assertEquals("include=com.acme.*,jmx=true", c.getAttribute(agent, "Options"));
            assertEquals(2, c.getAttribute(agent, "InstrumentedClasses"));
            assertArrayEquals(new String[] {"com.acme.Order", "com.acme.Outer$Node"},
                    (String[]) c.getAttribute(agent, "InstrumentedClassNames"));
            assertEquals(2L, c.getAttribute(agent, "Errors"));
            assertEquals("com.acme.Broken: bad constant pool", c.getAttribute(agent, "LastError"));
            assertEquals(1234L, c.getAttribute(agent, "CpuTimeMillis"));
            assertEquals(36_000L, c.getAttribute(agent, "RecordHeapBytes"));
            assertEquals(4194304L, c.getAttribute(agent, "ArenaMappedBytes"));
            assertEquals(2500.5, c.getAttribute(agent, "WatchedPerSecond"));
            assertEquals(-1L, c.getAttribute(agent, "WatchBudget"));
        }
    }

    @Test
    void everyAttributeIsDescribed() throws Exception {
        MBeanInfo info = fixture.server.getMBeanInfo(agent);
        assertDescribed("Agent", info.getDescription());
        assertEquals(11, info.getAttributes().length);
        for (var attribute : info.getAttributes()) {
            assertDescribed(attribute.getName(), attribute.getDescription());
        }
    }
}
