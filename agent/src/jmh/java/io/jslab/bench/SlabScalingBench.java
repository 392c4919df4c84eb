package io.jslab.bench;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocate+free pairs in one shared cache, by one thread and by two, in the same forks: the
 * throughput ratio {@code twoThreads / oneThread} shows whether the per-thread magazines keep the
 * threads off each other's locks and cache lines. JMH sums the throughput of the threads.
 *
 * <p>{@code twoThreadsOwnCaches} is the control: two threads, each in a cache of its own.
 *
 * <p>{@code twoThreadsBurst} holds 64 slots per thread before freeing them, more than a magazine,
 * so half-magazine refills and flushes under the cache lock are part of what is measured; its
 * unit is one pair (allocate and free of one slot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SlabScalingBench {

    static final int BURST = 64;

    private BuddyArena arena;
    private SlabCache cache;

    /** Each thread's own slots of a burst. */
    @State(Scope.Thread)
    public static class Burst {
        final long[] slots = new long[BURST];
    }

    /**
     * The control: each thread with its own arena and cache, sharing nothing of jslab's. If two
     * threads do not scale here either, the machine (not the cache) limits them.
     */
    @State(Scope.Thread)
    public static class OwnCache {
        BuddyArena arena;
        SlabCache cache;

        @Setup(Level.Trial)
        public void setUp() {
            arena = new BuddyArena(ArenaConfig.DEFAULT);
            cache = new SlabAllocator(arena).createCache("own-64", 64, false);
            cache.allocate();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        arena = new BuddyArena(ArenaConfig.DEFAULT);
        cache = new SlabAllocator(arena).createCache("bench-64", 64, false);
        cache.allocate(); // keeps one slab partial for the whole trial
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @Threads(1)
    public long oneThread() {
        return pair();
    }

    @Benchmark
    @Threads(2)
    public long twoThreads() {
        return pair();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BURST)
    public long oneThreadBurst(Burst burst) {
        return burst(burst.slots);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BURST)
    public long twoThreadsBurst(Burst burst) {
        return burst(burst.slots);
    }

    @Benchmark
    @Threads(2)
    public long twoThreadsOwnCaches(OwnCache own) {
        long slot = own.cache.allocate();
        own.cache.free(slot);
        return slot;
    }

    private long pair() {
        long slot = cache.allocate();
        cache.free(slot);
        return slot;
    }

    private long burst(long[] slots) {
        long sum = 0;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = cache.allocate();
        }
        for (int i = slots.length - 1; i >= 0; i--) {
            sum += slots[i];
            cache.free(slots[i]);
        }
        return sum;
    }
}
