package io.jslab.track;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A quick comparison of the reclaim strategies, not a test: constructs objects on two threads
 * for a few seconds, each kept alive in a ring of {@code live} entries (0: every object dies at
 * once) and each with {@code garbage} bytes of untracked garbage beside it, and prints the construction cost, the collector's and the reclaimer's time, and the
 * dead slots still held at the end.
 *
 * <pre>
 * java -cp agent/target/classes:agent/target/test-classes io.jslab.track.ReclaimStrategyComparison \
 *     {sweep|queue|none} [seconds=5] [live=0] [threads=2] [garbage=0]
 * </pre>
 *
 * {@code none} constructs the same objects without a tracker, for the baseline. Run each
 * strategy in its own JVM so that one does not shape the other's compiled code. The JMH
 * benchmarks are the reference; this only chose the default.
 */
public final class ReclaimStrategyComparison {

    static final class Payload {
        long a;
        long b;
    }

    /** Bytes of untracked garbage allocated beside each tracked object, as an application would. */
    private static int garbage;
    static volatile Object sinkhole;

    public static void main(String[] args) throws Exception {
        String strategy = args[0];
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        int live = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        garbage = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ArenaConfig arena = new ArenaConfig(4096, 10, 2048L << 20);
        try (SlabAllocator allocator = new SlabAllocator(new BuddyArena(arena));
             ObjectTracker tracker = strategy.equals("none") ? null
                     : new ObjectTracker(allocator, o -> 32, (line, cause) -> System.err.println(line),
                             ReclaimStrategy.named(strategy))) {
            BiConsumer<Object, Class<?>> sink = tracker == null ? (o, c) -> { } : tracker.constructedSink();
            if (tracker != null) {
                tracker.start();
            }
            run(sink, threads, 1, live);   // warm-up
            long gcCount0 = gcCount();
            long gcMillis0 = gcMillis();
            long reclaimerCpu0 = reclaimerCpuNanos();
            long constructed = run(sink, threads, seconds, live);
            long gcCount = gcCount() - gcCount0;
            long gcMillis = gcMillis() - gcMillis0;
            long reclaimerCpu = reclaimerCpuNanos() - reclaimerCpu0;
            double nsPerObject = (double) TimeUnit.SECONDS.toNanos(seconds) * threads / constructed;
            long active = allocator.caches().isEmpty() ? 0 : allocator.caches().get(0).stats().activeObjects();
            System.out.printf("%s live=%d garbage=%d: %.1f ns/object/thread, %d objects, %d GCs, %d ms GC, "
                            + "reclaimer %d ms CPU, active at end %d%n",
                    strategy, live, garbage, nsPerObject, constructed, gcCount, gcMillis,
                    TimeUnit.NANOSECONDS.toMillis(reclaimerCpu), active);
            if (tracker != null) {
                System.out.printf("tracked %d, reclaimed %d, walks %d%n", tracker.trackedObjects(),
                        tracker.reclaimedObjects(), tracker.reclaimerWalks());
            }
        }
    }

    private static long run(BiConsumer<Object, Class<?>> sink, int threads, long seconds, int live)
            throws InterruptedException {
        long[] counts = new long[threads];
        Thread[] workers = new Thread[threads];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                Object[] ring = new Object[Math.max(1, live / threads)];
                long n = 0;
                while (System.nanoTime() - deadline < 0) {
                    for (int i = 0; i < 1000; i++, n++) {
                        Payload payload = new Payload();
                        sink.accept(payload, Payload.class);
                        ring[(int) (n % ring.length)] = payload; // escapes: no scalar replacement
                        if (garbage > 0) {
                            sinkhole = new byte[garbage];
                        }
                    }
                }
                counts[index] = n;
            });
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += counts[t];
        }
        return total;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long reclaimerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("jslab-reclaimer")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }
}
