package io.jslab.demo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo under the real agent, recorded with {@code jcmd JFR.start} and no settings: the
 * periodic {@code io.jslab.SlabCache} event is in the recording for every cache the MBeans show,
 * with figures that agree with them; the shipped {@code .jfc} that turns it off, and the agent
 * option {@code jfr=false}, leave the recording without it.
 */
class JfrEventsIT {

    private static final String INCLUDE = "include=com.example.kernel.block.*";
    private static final String EVENT = "io.jslab.SlabCache";

    @ParameterizedTest
    @MethodSource("io.jslab.demo.it.Jdks#all")
    void aRecordingWithNoSettingsHoldsOneEventPerCachePerSecond(Jdks.Jdk jdk) throws Exception {
        try (DemoJvm demo = startDemo(jdk, "jfr-on-" + jdk.major(), INCLUDE)) {
            Set<String> before = cachesOf(demo.jmx());
            List<RecordedEvent> events = record(jdk, demo, "jfr-on-" + jdk.major(), List.of());
            MBeanServerConnection jmx = demo.jmx();
            Set<String> after = cachesOf(jmx);

            Map<String, List<RecordedEvent>> byCache = new TreeMap<>();
            for (RecordedEvent e : events) {
                byCache.computeIfAbsent(e.getString("cache"), k -> new ArrayList<>()).add(e);
            }
            // The demo makes some caches late: each one known before is recorded, none unknown after.
            assertTrue(byCache.keySet().containsAll(before), before + " " + byCache.keySet());
            assertTrue(after.containsAll(byCache.keySet()), after + " " + byCache.keySet());
            for (Map.Entry<String, List<RecordedEvent>> entry : byCache.entrySet()) {
                ObjectName bean = beanOf(jmx, entry.getKey());
                List<RecordedEvent> series = entry.getValue();
                // Recorded for 4 s at a 1 s period: JFR emits at the start, each second and at the dump.
                assertTrue(series.size() >= 3 && series.size() <= 7, entry.getKey() + ": " + series.size());
                RecordedEvent last = series.get(series.size() - 1);
                assertEquals(((Number) jmx.getAttribute(bean, "ObjectSize")).longValue(), last.getLong("objectSize"));
                assertEquals(((Number) jmx.getAttribute(bean, "ObjectsPerSlab")).longValue(), last.getLong("objectsPerSlab"));
                long allocations = last.getLong("allocations");
                // The demo runs on: the MBean read after the dump has counted at least as many.
                assertTrue(allocations >= 1 && allocations <= (Long) jmx.getAttribute(bean, "Allocations"),
                        entry.getKey() + ": " + allocations);
                assertEquals(last.getLong("allocations") - last.getLong("frees"), last.getLong("activeObjects"));
                assertTrue(last.getLong("numObjects") >= last.getLong("activeObjects"), last.toString());
                assertEquals(last.getLong("activeObjects") * last.getLong("objectSize"), last.getLong("activeBytes"));
                assertEquals("jslab", last.getEventType().getCategoryNames().get(0));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.demo.it.Jdks#all")
    void theShippedJfcTurnsTheEventOff(Jdks.Jdk jdk) throws Exception {
        try (DemoJvm demo = startDemo(jdk, "jfr-jfc-" + jdk.major(), INCLUDE)) {
            assertFalse(cachesOf(demo.jmx()).isEmpty());
            Path off = Path.of(System.getProperty("jslab.jfc.off")).toAbsolutePath();
            assertEquals(List.of(), record(jdk, demo, "jfr-jfc-" + jdk.major(), List.of("settings=" + off)));
            // The control: the same file with the setting flipped gives the events, so it is read.
            Path on = Path.of(System.getProperty("jslab.demo.jar")).resolveSibling("jslab-on-" + jdk.major() + ".jfc");
            Files.writeString(on, Files.readString(off).replace("<setting name=\"enabled\">false", "<setting name=\"enabled\">true"));
            assertFalse(record(jdk, demo, "jfr-jfc-on-" + jdk.major(), List.of("settings=" + on)).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.demo.it.Jdks#all")
    void jfrFalseRegistersNoEvent(Jdks.Jdk jdk) throws Exception {
        try (DemoJvm demo = startDemo(jdk, "jfr-off-" + jdk.major(), INCLUDE + ",jfr=false")) {
            assertFalse(cachesOf(demo.jmx()).isEmpty());
            assertEquals(List.of(), record(jdk, demo, "jfr-off-" + jdk.major(), List.of()));
            assertEquals(0L, demo.jmx().getAttribute(new ObjectName("io.jslab:type=Agent"), "Errors"));
        }
    }

    private static DemoJvm startDemo(Jdks.Jdk jdk, String name, String options) throws IOException {
        return DemoJvm.start(jdk, name, List.of("-Xmx256m"), options, "--duration", "120", "--rate", "2000");
    }

    /** The caches the MBeans show, once the demo has made its block caches. */
    private static Set<String> cachesOf(MBeanServerConnection jmx) throws Exception {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> names = new TreeSet<>();
            for (ObjectName n : jmx.queryNames(new ObjectName("io.jslab:type=SlabCache,*"), null)) {
                names.add((String) jmx.getAttribute(n, "Name"));
            }
            return names;
        }, names -> names.size() >= 2);
    }

    /** The SlabCache MBean of {@code cache}, whose name is quoted only when it must be. */
    private static ObjectName beanOf(MBeanServerConnection jmx, String cache) throws Exception {
        for (ObjectName n : jmx.queryNames(new ObjectName("io.jslab:type=SlabCache,*"), null)) {
            if (cache.equals(jmx.getAttribute(n, "Name"))) {
                return n;
            }
        }
        throw new AssertionError("no SlabCache MBean for " + cache);
    }

    /** {@code jcmd JFR.start <settings>}, 4 s, {@code JFR.dump}: the jslab events of the file. */
    private static List<RecordedEvent> record(Jdks.Jdk jdk, DemoJvm demo, String name, List<String> settings)
            throws Exception {
        Path file = Path.of(System.getProperty("jslab.demo.jar")).resolveSibling(name + ".jfr");
        Files.deleteIfExists(file);
        List<String> start = new ArrayList<>(List.of("JFR.start", "name=it"));
        start.addAll(settings);
        jcmd(jdk, demo.pid(), start);
        Thread.sleep(4000);
        jcmd(jdk, demo.pid(), List.of("JFR.dump", "name=it", "filename=" + file));
        jcmd(jdk, demo.pid(), List.of("JFR.stop", "name=it"));
        List<RecordedEvent> jslab = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(EVENT)) {
                jslab.add(e);
            }
        }
        return jslab;
    }

    private static void jcmd(Jdks.Jdk jdk, long pid, List<String> command) throws Exception {
        List<String> line = new ArrayList<>(List.of(jdk.jcmd(), Long.toString(pid)));
        line.addAll(command);
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jcmd did not end");
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("Could not") || out.contains("Exception"), out);
    }
}
