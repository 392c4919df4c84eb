package io.jslab.demo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo under the real agent, one JVM for the whole class, read over JMX: each churn pattern
 * shows in its cache as it should, and the caches agree with the JVM's class histogram.
 *
 * <p>The JVM runs the serial collector with a 2 MiB young generation: every request allocates
 * at least a 4 KiB block, so a young collection comes every few hundred requests and
 * short-lived objects are reclaimed within tens of milliseconds, while a dentry lives seconds.
 *
 * <p>Each subclass names the JDK the demo runs on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DemoWorkloadChecks {

    private static final String KERNEL = "com.example.kernel.";
    private static final String NEGATIVE = KERNEL + "fs.NegativeDentry";

    /** Cache name of each tracked class: annotated ones by their {@code cache}, included ones by class name. */
    private static final Map<String, String> CACHES = new LinkedHashMap<>();

    static {
        CACHES.put(KERNEL + "fs.Dentry", "dentry");
        CACHES.put(KERNEL + "fs.Inode", "inode_cache");
        CACHES.put(KERNEL + "fs.OpenFile", "filp");
        CACHES.put(NEGATIVE, NEGATIVE);
        CACHES.put(KERNEL + "proc.Task", "task_struct");
        CACHES.put(KERNEL + "block.BlockDevice", KERNEL + "block.BlockDevice");
        CACHES.put(KERNEL + "block.BufferHead", KERNEL + "block.BufferHead");
        CACHES.put(KERNEL + "block.Bio", KERNEL + "block.Bio");
    }

    /**
     * Most {@code filp} slots in use at any time: a young collection comes at the latest after
     * about 400 requests (4 KiB each in a young generation of 2 MiB), and the slots of the dead
     * go back right after it. Without reclamation the count would pass this within a second.
     */
    private static final long SHORT_LIVED_BOUND = 3_000;

    private DemoJvm demo;
    private MBeanServerConnection jmx;
    private ObjectName workload;

    /** The JDK to run the demo on. */
    abstract Jdks.Jdk jdk() throws Exception;

    @BeforeAll
    void startTheDemo() throws Exception {
        demo = DemoJvm.start(jdk(), "demo-workload-it-" + jdk().major(), List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xmn2m"),
                "include=" + KERNEL + "block.*", "--duration", "120", "--threads", "2", "--rate", "10000");
        jmx = demo.jmx();
        workload = new ObjectName("io.jslab.demo:type=Workload");
        await().atMost(Duration.ofSeconds(30)).until(() -> jmx.isRegistered(workload)
                && cacheNames().size() == CACHES.size());
    }

    @AfterAll
    void stopTheDemo() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void eachTrackedClassHasItsOwnCacheAndNothingElseIsTracked() throws Exception {
        assertEquals(new TreeSet<>(CACHES.values()), cacheNames());
        assertEquals(0, (Integer) cache("task_struct", "ObjectSize") % 64, "hwcacheAlign = true");
        assertEquals(1L, cache(KERNEL + "block.BlockDevice", "ActiveObjects"));
    }

    @Test
    @Order(2)
    void theLeakingCacheOnlyGrows() throws Exception {
        long before = (Long) cache(NEGATIVE, "ActiveObjects");
        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) cache(NEGATIVE, "ActiveObjects") >= before + 20);
        assertEquals(0L, cache(NEGATIVE, "Frees"));
        assertTrue(Double.isNaN((Double) cache(NEGATIVE, "MedianLifetimeMillis")), "no lifetime without a free");
    }

    @Test
    @Order(3)
    void theShortLivedCacheStaysBoundedWhileItChurns() throws Exception {
        // Churn, not speed: more files get closed than can ever be open at once, however slowly
        // the machine runs them, and the live count never leaves its bound meanwhile.
        long freedBefore = (Long) cache("filp", "Frees");
        await().atMost(Duration.ofSeconds(60))
                .failFast("more files open than the bound", () -> (Long) cache("filp", "ActiveObjects") > SHORT_LIVED_BOUND)
                .until(() -> (Long) cache("filp", "Frees") - freedBefore > 2 * SHORT_LIVED_BOUND);
        assertTrue((Long) cache("filp", "ActiveObjects") <= SHORT_LIVED_BOUND);
        assertTrue((Double) cache("filp", "FreeRate") > 0, "frees keep pace");
    }

    @Test
    @Order(4)
    void dentriesLiveOrdersOfMagnitudeLongerThanOpenFiles() throws Exception {
        // Evicted dentries sit in the old generation until a full collection hands their slots
        // back. The dcache keeps the ones in use, so first wait for it to have evicted a thousand
        // (constructed less held), however slowly the machine runs the requests.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                (Long) cache("dentry", "Allocations") - (Integer) jmx.getAttribute(workload, "Dentries") >= 1_000);
        jmx.invoke(new ObjectName("java.lang:type=Memory"), "gc", null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) cache("dentry", "Frees") >= 500);
        double dentry = (Double) cache("dentry", "MedianLifetimeMillis");
        double filp = (Double) cache("filp", "MedianLifetimeMillis");
        System.out.printf("%s: median lifetime: dentry %.1f ms, filp %.1f ms%n", jdk(), dentry, filp);
        assertTrue(dentry >= 100 * Math.max(1, filp), "dentry " + dentry + " ms, filp " + filp + " ms");
    }

    @Test
    @Order(5)
    void atRestTheCachesCountWhatTheClassHistogramCounts() throws Exception {
        jmx.invoke(workload, "pause", null, null);
        try {
            Map<String, Long> histogram = demo.classHistogram();
            for (Map.Entry<String, String> tracked : CACHES.entrySet()) {
                long live = histogram.getOrDefault(tracked.getKey(), 0L);
                await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertEquals(live, cache(tracked.getValue(), "ActiveObjects"), tracked.getValue()));
            }
            // And both agree with what the application holds: between requests, nothing.
            for (String shortLived : List.of("fs.OpenFile", "block.BufferHead", "block.Bio")) {
                assertEquals(0L, histogram.getOrDefault(KERNEL + shortLived, 0L), shortLived);
            }
            long dentries = ((Integer) jmx.getAttribute(workload, "Dentries")).longValue();
            assertEquals(dentries, histogram.get(KERNEL + "fs.Dentry"));
            assertEquals(dentries, histogram.get(KERNEL + "fs.Inode"));
            assertEquals(((Integer) jmx.getAttribute(workload, "NegativeDentries")).longValue(),
                    histogram.get(NEGATIVE));
            assertEquals(((Integer) jmx.getAttribute(workload, "Tasks")).longValue(),
                    histogram.get(KERNEL + "proc.Task"));
        } finally {
            jmx.invoke(workload, "resume", null, null);
        }
    }

    private Set<String> cacheNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (ObjectName name : jmx.queryNames(new ObjectName("io.jslab:type=SlabCache,*"), null)) {
            names.add((String) jmx.getAttribute(name, "Name"));
        }
        return names;
    }

    private Object cache(String cacheName, String attribute) throws Exception {
        for (ObjectName name : jmx.queryNames(new ObjectName("io.jslab:type=SlabCache,*"), null)) {
            if (cacheName.equals(jmx.getAttribute(name, "Name"))) {
                return jmx.getAttribute(name, attribute);
            }
        }
        throw new AssertionError("no cache " + cacheName + " among " + cacheNames());
    }
}
