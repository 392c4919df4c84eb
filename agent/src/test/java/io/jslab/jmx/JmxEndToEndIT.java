package io.jslab.jmx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.testing.Artifacts;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/**
 * The real shaded jar under {@code -javaagent}, in another JVM, read through the JVM's own JMX
 * connectors: the attach API's local one (JConsole's "Local Process") and the remote RMI one
 * that {@code com.sun.management.jmxremote.port} starts. The agent itself opens no port.
 */
class JmxEndToEndIT {

    private static final String INCLUDE = "include=fixture.jmx.Order:fixture.jmx.Line";
    private static final String ORDER = "fixture.jmx.Order";
    private static final String LINE = "fixture.jmx.Line";

    @Test
    void localConnectorShowsWhatTheProgramDid() throws Exception {
        try (ChildJvm child = ChildJvm.start(INCLUDE, 1000)) {
            MBeanServerConnection c = child.localConnection();
            ObjectName order = JmxFixture.cacheName(ORDER);
            ObjectName slabInfo = new ObjectName("io.jslab:type=SlabInfo");

            assertEquals(1000L, c.getAttribute(order, "ActiveObjects"));
            assertEquals(1000L, c.getAttribute(order, "Allocations"));
            assertEquals(0L, c.getAttribute(order, "Frees"));
            assertEquals(ORDER, c.getAttribute(order, "Name"));
            // Header of 12 bytes (compressed class pointers) and two longs: 28, rounded up to 32.
            assertEquals(32, c.getAttribute(order, "ObjectSize"));

            String slabinfo = (String) c.invoke(slabInfo, "slabinfo", null, null);
            assertTrue(slabinfo.startsWith(SlabInfoMBeanTest.HEADER), slabinfo);
            SlabtopParser.Row row = SlabtopParser.parse(slabinfo).stream()
                    .filter(r -> r.name().equals(ORDER)).findFirst().orElseThrow();
            assertEquals(1000L, row.activeObjs());
            assertEquals(row.numObjs(), c.getAttribute(order, "NumObjects"));
            assertEquals(row.numSlabs(), c.getAttribute(order, "NumSlabs"));
            assertEquals(row.objsPerSlab(), ((Integer) c.getAttribute(order, "ObjectsPerSlab")).longValue());

            TabularData caches = assertInstanceOf(TabularData.class, c.getAttribute(slabInfo, "Caches"));
            CompositeData tableRow = caches.get(new Object[] {ORDER});
            assertEquals(1000L, tableRow.get("active_objs"));

            ObjectName agent = new ObjectName("io.jslab:type=Agent");
            assertEquals(Artifacts.agentVersion(), c.getAttribute(agent, "Version"));
            assertEquals(INCLUDE, c.getAttribute(agent, "Options"));
            assertTrue(Arrays.asList((String[]) c.getAttribute(agent, "InstrumentedClassNames")).contains(ORDER));
            assertEquals(0L, c.getAttribute(agent, "Errors"));

            ObjectName arena = new ObjectName("io.jslab:type=BuddyArena");
            assertEquals(4096, c.getAttribute(arena, "PageSize"));
            assertEquals(10, c.getAttribute(arena, "MaxOrder"));
            assertEquals(11, ((long[]) c.getAttribute(arena, "FreeBlocks")).length);
            assertTrue(((String) c.invoke(arena, "buddyinfo", null, null))
                    .matches("Node 0, zone    Arena ( {0,5}\\d+ ){11}\\n"));
        }
    }

    @Test
    void notificationsAndReclamationReachAListeningClient() throws Exception {
        try (ChildJvm child = ChildJvm.start(INCLUDE, 1000)) {
            MBeanServerConnection c = child.localConnection();
            ObjectName slabInfo = new ObjectName("io.jslab:type=SlabInfo");
            List<Notification> received = new CopyOnWriteArrayList<>();
            c.addNotificationListener(slabInfo, (n, handback) -> received.add(n), null, null);

            child.send("lines 10");
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                    .anyMatch(n -> n.getType().equals("io.jslab.cache.created") && LINE.equals(n.getUserData())));
            assertEquals(10L, c.getAttribute(JmxFixture.cacheName(LINE), "ActiveObjects"));

            ObjectName order = JmxFixture.cacheName(ORDER);
            child.send("drop 400");
            await().atMost(Duration.ofSeconds(30)).until(() -> c.getAttribute(order, "ActiveObjects").equals(600L));
            assertEquals(400L, c.getAttribute(order, "Frees"));

            // The newest 400 of 1000 orders went: whole slabs at the end are empty, so shrink must
            // give pages back, exactly those of the slabs it released.
            long slabs = (Long) c.getAttribute(order, "NumSlabs");
            long pages = (Long) c.invoke(order, "shrink", null, null);
            long released = slabs - (Long) c.getAttribute(order, "NumSlabs");
            assertTrue(released > 0, "shrink released no slab of " + slabs);
            assertEquals(released * (Integer) c.getAttribute(order, "PagesPerSlab"), pages);
        }
    }

    @Test
    void remoteConnectorOnALoopbackPortShowsTheMBeans() throws Exception {
        int port = ChildJvm.freePort();
        try (ChildJvm child = ChildJvm.start(INCLUDE, 300,
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1")) {
            MBeanServerConnection c = child.remoteConnection(port);
            assertEquals(Set.of("io.jslab:type=Agent", "io.jslab:type=SlabInfo", "io.jslab:type=BuddyArena",
                    "io.jslab:type=SlabCache,name=" + ORDER), names(c));
            assertEquals(300L, c.getAttribute(JmxFixture.cacheName(ORDER), "ActiveObjects"));
            TabularData caches = (TabularData) c.getAttribute(new ObjectName("io.jslab:type=SlabInfo"), "Caches");
            assertEquals(300L, caches.get(new Object[] {ORDER}).get("active_objs"));
        }
    }

    @Test
    void attachingRegistersTheMBeansAndAttachingAgainChangesNothing() throws Exception {
        try (ChildJvm child = ChildJvm.start(null, 50)) {
            MBeanServerConnection c = child.localConnection();
            assertEquals(Set.of(), names(c));
            RuntimeMXBean runtime = JMX.newMXBeanProxy(c, new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME),
                    RuntimeMXBean.class);

            child.attachAgent(INCLUDE);
            Set<String> attached = Set.of("io.jslab:type=Agent", "io.jslab:type=SlabInfo",
                    "io.jslab:type=BuddyArena");
            assertEquals(attached, names(c));
            child.send("lines 5");
            assertEquals(5L, c.getAttribute(JmxFixture.cacheName(LINE), "ActiveObjects"));

            child.attachAgent(INCLUDE);
            String status = runtime.getSystemProperties().get("io.jslab.agent.attach");
            assertTrue(status.startsWith("already loaded "), status);
            assertEquals(Set.of("io.jslab:type=Agent", "io.jslab:type=SlabInfo", "io.jslab:type=BuddyArena",
                    "io.jslab:type=SlabCache,name=" + LINE), names(c));
        }
    }

    @Test
    void jmxFalseRegistersNothing() throws Exception {
        try (ChildJvm child = ChildJvm.start(INCLUDE + ",jmx=false", 10)) {
            MBeanServerConnection c = child.localConnection();
            RuntimeMXBean runtime = JMX.newMXBeanProxy(c, new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME),
                    RuntimeMXBean.class);
            assertNotNull(runtime.getSystemProperties().get("io.jslab.agent.version"), "agent loaded");
            assertEquals(Set.of(), names(c));
        }
    }

    private static Set<String> names(MBeanServerConnection c) throws Exception {
        return c.queryNames(new ObjectName("io.jslab:*"), null).stream().map(ObjectName::toString)
                .collect(Collectors.toSet());
    }
}
