package io.jslab.jmx;

import static io.jslab.jmx.SlabCacheMBeanTest.allocate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.slab.SlabCache;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlabtopParseTest {

    private JmxFixture fixture;

    @BeforeEach
    void start() {
        fixture = new JmxFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void slabtopsParserReadsTheSameNumbersAsTheAttributes() throws Exception {
        SlabCache order = fixture.allocator.createCache("com.acme.Order", 24, false);
        SlabCache node = fixture.allocator.createCache("com.acme.Outer$Node", 2048, false);
        SlabCache aligned = fixture.allocator.createCache("a-cache-name-longer-than-seventeen", 40, true);
        List<Long> slots = allocate(order, 200);
        slots.subList(0, 30).forEach(order::free);
        allocate(node, 9);
        allocate(aligned, 1);

        String text = (String) fixture.server.invoke(JmxFixture.name("io.jslab:type=SlabInfo"), "slabinfo", null, null);
        List<SlabtopParser.Row> rows = SlabtopParser.parse(text);

        assertEquals(List.of("com.acme.Order", "com.acme.Outer$Node", "a-cache-name-longer-than-seventeen"),
                rows.stream().map(SlabtopParser.Row::name).toList());
        for (SlabtopParser.Row row : rows) {
            ObjectName name = JmxFixture.cacheName(row.name());
            assertEquals(row.activeObjs(), fixture.server.getAttribute(name, "ActiveObjects"), row.name());
            assertEquals(row.numObjs(), fixture.server.getAttribute(name, "NumObjects"), row.name());
            assertEquals(row.objSize(), ((Integer) fixture.server.getAttribute(name, "ObjectSize")).longValue());
            assertEquals(row.objsPerSlab(), ((Integer) fixture.server.getAttribute(name, "ObjectsPerSlab")).longValue());
            assertEquals(row.pagesPerSlab(), ((Integer) fixture.server.getAttribute(name, "PagesPerSlab")).longValue());
            assertEquals(row.activeSlabs(), fixture.server.getAttribute(name, "ActiveSlabs"), row.name());
            assertEquals(row.numSlabs(), fixture.server.getAttribute(name, "NumSlabs"), row.name());
        }
        assertEquals(170L, rows.get(0).activeObjs());
        assertEquals(9L, rows.get(1).activeObjs());
        assertEquals(1L, rows.get(2).activeObjs());
    }

    @Test
    void theParserRefusesWhatSlabtopRefuses() {
        String header = SlabInfoMBeanTest.HEADER;
        assertEquals(1, SlabtopParser.parse(header + "x 1 2 3 4 5 : tunables 0 0 0 : slabdata 1 2 0\n").size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SlabtopParser.parse("slabinfo - version: 1.1\n"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SlabtopParser.parse(header + "x 1 2 3 4 5 tunables 0 0 0 : slabdata 1 2 0\n"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SlabtopParser.parse(header + "x 1 2 3 4 5 : tunables 0 0 0 : slabdata 1\n"));
    }
}
