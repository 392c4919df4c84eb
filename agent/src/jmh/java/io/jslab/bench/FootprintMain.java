package io.jslab.bench;

import com.example.bench.TrackedNode;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;

/**
 * Heap and off-heap bytes per tracked object: a fresh JVM per mode ({@code plain}, then the
 * agent's reclamation strategies) builds {@code n} live {@link TrackedNode}s and reports
 *
 * <ul>
 * <li>{@code heap}: heap used after a full collection with the objects live, minus before, over
 *     {@code n} (the object itself, plus in agent modes what the tracker keeps per object);
 * <li>{@code slab}: the cache's {@code MemoryBytes} over {@code n} (its slabs, off-heap);
 * <li>{@code arena}: the arena's mapped bytes over {@code n} (whole 4 MiB chunks).
 * </ul>
 * The agent's per-object heap cost is {@code heap} in an agent mode minus {@code heap} in plain.
 *
 * <p>Usage: {@code FootprintMain [n [mode...]]}, default {@code 1000000 plain sweep}.
 */
public final class FootprintMain {

    private FootprintMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Integer.parseInt(args[1]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> modes = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("plain", "sweep");
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        for (String mode : modes) {
            List<String> lines = ChildJvm.run(mode, List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC"),
                    FootprintMain.class, "child", Integer.toString(n));
            results.put(mode, KeyValues.parse(lines));
        }
        Double plainHeap = results.containsKey("plain") ? results.get("plain").get("heap") : null;
        System.out.printf("%nn=%d%n%-6s %12s %12s %12s %12s%n", n, "mode", "heap B/obj",
                "added B/obj", "slab B/obj", "arena B/obj");
        for (Map.Entry<String, Map<String, Double>> e : results.entrySet()) {
            Map<String, Double> r = e.getValue();
            double added = plainHeap == null ? Double.NaN : r.get("heap") - plainHeap;
            System.out.printf("%-6s %12.1f %12.1f %12.1f %12.1f%n", e.getKey(), r.get("heap"), added,
                    r.getOrDefault("slab", 0.0), r.getOrDefault("arena", 0.0));
        }
    }

    private static void child(int n) throws Exception {
        boolean agent = System.getProperty("io.jslab.agent.version") != null;
        TrackedNode first = new TrackedNode(-1, null); // creates the cache before the baseline
        CacheStatsReader cache = agent ? awaitCache(TrackedNode.class.getName()) : null;
        TrackedNode[] live = new TrackedNode[n];
        long before = heapUsedAfterGc();
        for (int i = 0; i < n; i++) {
            live[i] = new TrackedNode(i, null);
        }
        long after = heapUsedAfterGc();
        System.out.printf("heap=%.2f%n", (after - before) / (double) n);
        if (agent) {
            System.out.printf("slab=%.2f%n", cache.memoryBytes() / (double) n);
            System.out.printf("arena=%.2f%n", cache.arenaMappedBytes() / (double) n);
            System.out.printf("active=%d%n", cache.activeObjects());
        }
        Reference.reachabilityFence(live);
        Reference.reachabilityFence(first);
    }

    /** The cache's MBean appears when the first object is built; give registration a moment. */
    static CacheStatsReader awaitCache(String name) throws JMException, InterruptedException {
        for (int tries = 0; tries < 500; tries++) {
            CacheStatsReader reader = CacheStatsReader.find(name);
            if (reader != null) {
                return reader;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no io.jslab:type=SlabCache MBean named " + name);
    }

    /** Heap used after full collections; twice, so that what the first one freed is gone too. */
    static long heapUsedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200); // lets the agent's reclaimer finish its sweep
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        return used;
    }

    /** Lines {@code key=value} of a child's output. */
    static final class KeyValues {
        private KeyValues() {}

        static Map<String, Double> parse(List<String> lines) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String line : new ArrayList<>(lines)) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.indexOf(' ') < 0) {
                    values.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
                }
            }
            return values;
        }
    }
}
