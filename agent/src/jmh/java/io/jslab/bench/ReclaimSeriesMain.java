package io.jslab.bench;

import com.example.bench.PlainNode;
import com.example.bench.TrackedNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Does reclamation keep up? Two threads construct {@link TrackedNode}s as fast as they can for a
 * while, each keeping the last {@code ring} of them live and dropping the rest. A sampler reads the
 * cache's {@code ActiveObjects} over JMX every few milliseconds; live objects are known exactly
 * (the rings' contents), so {@code ActiveObjects - live} is the number of slots of dead objects
 * not yet given back: objects dead but not yet collected, plus objects collected but whose slots
 * the reclaimer has not yet freed.
 *
 * <p>Printed per second: the collections in that second, the constructions, the median and the
 * largest of the smallest dead-but-unreclaimed count sampled in each collection interval (what is
 * left once the reclaimer has caught up after a collection), the largest count sampled at all,
 * the cache's allocation failures so far (an arena full of unreclaimed slots refuses new ones),
 * and the share of one core the agent's reclaimer thread used. Bounded means the last seconds
 * look like the first ones; growing means the reclaimer falls behind.
 *
 * <p>{@code mode=floor} runs the same threads without the agent, each keeping a bare phantom
 * reference per object ({@link ReferenceFloor}); its unreclaimed count is the references not yet
 * found cleared minus the live objects, so it shows what the collector alone allows any exact
 * tracker. Its failures and reclaimer columns read {@code -}.
 *
 * <p>The system property {@code jslab.series.untracked} (default 0) makes each thread also build
 * that many untracked objects ({@code PlainNode}, the same shape) per tracked one, and drop them:
 * an application whose tracked classes are a share of what it allocates.
 *
 * <p>Usage: {@code ReclaimSeriesMain [seconds [ring [mode...]]] [-jvm-option...]}, default
 * {@code 30 100000 floor sweep}; the child JVMs run with {@code -Xms1g -Xmx1g -XX:+UseG1GC -Xmn64m}
 * and then any argument that starts with {@code -} (so a later {@code -Xmn} wins, and
 * {@code -Djslab.series.untracked=3} reaches the child), except {@code -agent:<options>}, which
 * become the agent's options ({@code -agent:arena.max=1g}).
 */
public final class ReclaimSeriesMain {

    static final int THREADS = 2;
    static final int SAMPLE_MILLIS = 5;
    static final String UNTRACKED_PROPERTY = "jslab.series.untracked";
    static final String AGENT_OPTIONS = "-agent:";

    private ReclaimSeriesMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
            return;
        }
        List<String> jvmOptions = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Xmn64m"));
        List<String> positional = new ArrayList<>();
        String agentOptions = "";
        for (String arg : args) {
            if (arg.startsWith(AGENT_OPTIONS)) {
                agentOptions = arg.substring(AGENT_OPTIONS.length());
            } else {
                (arg.startsWith("-") ? jvmOptions : positional).add(arg);
            }
        }
        String seconds = positional.size() > 0 ? positional.get(0) : "30";
        String ring = positional.size() > 1 ? positional.get(1) : "100000";
        List<String> modes = positional.size() > 2 ? positional.subList(2, positional.size())
                : List.of("floor", "sweep");
        for (String mode : modes) {
            ChildJvm.run(mode, jvmOptions, agentOptions, ReclaimSeriesMain.class, "child", seconds, ring, mode);
        }
    }

    private static void child(int seconds, int ring, String mode) throws Exception {
        boolean agent = AgentMode.usesAgent(mode);
        AgentMode.check(mode);
        int untracked = Integer.getInteger(UNTRACKED_PROPERTY, 0);
        if (untracked < 0) {
            throw new IllegalArgumentException("-D" + UNTRACKED_PROPERTY + "=" + untracked
                    + ": must be 0 or more untracked objects per tracked one");
        }
        // The agent's cache holds this first node for good, hence the - 1 below.
        new TrackedNode(-1, null);
        CacheStatsReader cache = agent ? FootprintMain.awaitCache(TrackedNode.class.getName()) : null;
        ReferenceFloor[] floors = new ReferenceFloor[THREADS];
        AtomicLongArray built = new AtomicLongArray(THREADS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            floors[t] = AgentMode.floorFor(mode);
            ReferenceFloor floor = floors[t];
            Thread thread = new Thread(() -> construct(index, ring, untracked, floor, built, end), "construct-" + t);
            thread.start();
            threads.add(thread);
        }
        ThreadCpu reclaimerCpu = ThreadCpu.named("jslab-reclaimer");
        System.out.println("second gcs constructed unreclaimed.min.median unreclaimed.min.max"
                + " unreclaimed.max failures reclaimer.cpu%");
        long start = System.nanoTime();
        long lastGcs = gcCount();
        long lastBuilt = 0;
        int second = 1;
        Interval interval = new Interval();
        List<Long> minsThisSecond = new ArrayList<>();
        long maxThisSecond = 0;
        int gcsThisSecond = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(SAMPLE_MILLIS);
            long gcs = gcCount();
            long live = 0;
            long total = 0;
            for (int t = 0; t < THREADS; t++) {
                long n = built.get(t);
                live += Math.min(n, ring);
                total += n;
            }
            // Read after the counters: objects built in between only raise the figure (conservative).
            long dead = (agent ? cache.activeObjects() - 1 : held(floors)) - live;
            if (gcs != lastGcs) {
                if (interval.samples > 0) {
                    minsThisSecond.add(interval.min);
                }
                gcsThisSecond += (int) (gcs - lastGcs);
                interval = new Interval();
                lastGcs = gcs;
            }
            interval.add(dead);
            maxThisSecond = Math.max(maxThisSecond, dead);
            if (System.nanoTime() - start >= second * 1_000_000_000L) {
                minsThisSecond.sort(null);
                long median = minsThisSecond.isEmpty() ? -1 : minsThisSecond.get(minsThisSecond.size() / 2);
                long maxMin = minsThisSecond.isEmpty() ? -1 : minsThisSecond.get(minsThisSecond.size() - 1);
                System.out.printf("%6d %4d %11d %22d %19d %15d %8s %15s%n", second, gcsThisSecond,
                        total - lastBuilt, median, maxMin, maxThisSecond,
                        agent ? Long.toString(cache.allocationFailures()) : "-",
                        agent ? String.format("%.0f", reclaimerCpu.percentSinceLastCall()) : "-");
                lastBuilt = total;
                second++;
                minsThisSecond.clear();
                maxThisSecond = 0;
                gcsThisSecond = 0;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void construct(int index, int ring, int untracked, ReferenceFloor floor,
                                  AtomicLongArray built, long end) {
        TrackedNode[] kept = new TrackedNode[ring];
        PlainNode[] dropped = new PlainNode[64]; // stored, so that the JIT cannot elide them
        long n = 0;
        while (true) {
            for (int i = 0; i < 1024; i++) {
                TrackedNode node = new TrackedNode(n, null);
                if (floor != null) {
                    floor.track(node);
                }
                kept[(int) (n % ring)] = node;
                for (int u = 0; u < untracked; u++) {
                    dropped[(i + u) & 63] = new PlainNode(n, null);
                }
                n++;
                built.lazySet(index, n);
            }
            if (System.nanoTime() >= end) {
                return;
            }
        }
    }

    private static long held(ReferenceFloor[] floors) {
        long held = 0;
        for (ReferenceFloor floor : floors) {
            held += floor.held();
        }
        return held;
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    /** The samples between two collections. */
    private static final class Interval {
        long min = Long.MAX_VALUE;
        int samples;

        void add(long value) {
            min = Math.min(min, value);
            samples++;
        }
    }
}
