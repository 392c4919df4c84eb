package io.jslab.bench;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.Recycler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One allocate+free pair on one thread, jslab's slab and buddy layers beside Netty's pooled
 * 64-byte direct buffer and Netty's Recycler, in the same forks so that their ratios hold even on a
 * noisy machine. Netty at its best: on its own thread type (see {@link NettyThreadExecutor}) and
 * with leak detection off, as Netty's own microbenchmarks run it.
 *
 * <p>Two buddy pairs: {@code buddyOrder0Pair} in an arena already in use (one order-0 block held,
 * so the freed block's buddy is busy and the pair neither splits nor merges, the kernel's common
 * case), and {@code buddyOrder0SplitMerge} in an empty chunk, where every allocation splits a
 * 4 MiB block ten times and every free merges it back: the worst case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dio.netty.leakDetection.level=disabled",
        "-Djmh.executor=CUSTOM", "-Djmh.executor.class=io.jslab.bench.NettyThreadExecutor"})
public class AllocatorPairBench {

    /** A 64-byte cache with one slot held for the whole trial, so the pair never frees a slab. */
    @State(Scope.Thread)
    public static class Slab {
        BuddyArena arena;
        SlabCache cache;

        @Setup(Level.Trial)
        public void setUp() {
            arena = new BuddyArena(ArenaConfig.DEFAULT);
            cache = new SlabAllocator(arena).createCache("bench-64", 64, false);
            cache.allocate();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    /** An arena in use: one order-0 block held, so the pair's block has a busy buddy. */
    @State(Scope.Thread)
    public static class Buddy {
        BuddyArena arena;

        @Setup(Level.Trial)
        public void setUp() {
            arena = new BuddyArena(ArenaConfig.DEFAULT);
            arena.allocate(0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    /** An arena with one mapped chunk and nothing allocated: every pair splits and merges. */
    @State(Scope.Thread)
    public static class EmptyBuddy {
        BuddyArena arena;

        @Setup(Level.Trial)
        public void setUp() {
            arena = new BuddyArena(ArenaConfig.DEFAULT);
            arena.free(arena.allocate(0));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    private static final Recycler<Pooled> RECYCLER = new Recycler<>() {
        @Override
        protected Pooled newObject(Handle<Pooled> handle) {
            return new Pooled(handle);
        }
    };

    /** What Netty's Recycler hands out: an object that knows its handle. */
    static final class Pooled {
        final Recycler.Handle<Pooled> handle;

        Pooled(Recycler.Handle<Pooled> handle) {
            this.handle = handle;
        }
    }

    @Benchmark
    public long slabPair(Slab slab) {
        long slot = slab.cache.allocate();
        slab.cache.free(slot);
        return slot;
    }

    @Benchmark
    public long buddyOrder0Pair(Buddy buddy) {
        long page = buddy.arena.allocate(0);
        buddy.arena.free(page);
        return page;
    }

    @Benchmark
    public long buddyOrder0SplitMerge(EmptyBuddy buddy) {
        long page = buddy.arena.allocate(0);
        buddy.arena.free(page);
        return page;
    }

    @Benchmark
    public ByteBuf nettyPooledDirect64() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buffer.release();
        return buffer;
    }

    /** The same with Netty's default leak detection (sampling one buffer in 128), as users run it. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m",
            "-Djmh.executor=CUSTOM", "-Djmh.executor.class=io.jslab.bench.NettyThreadExecutor"})
    public ByteBuf nettyPooledDirect64LeakDetectionDefault() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buffer.release();
        return buffer;
    }

    @Benchmark
    public Pooled nettyRecycler() {
        Pooled object = RECYCLER.get();
        object.handle.recycle(object);
        return object;
    }
}
