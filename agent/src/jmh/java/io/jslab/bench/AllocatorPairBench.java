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
 * noisy machine. Netty runs on its own thread type (see {@link NettyThreadExecutor}).
 *
 * <p>Two buddy pairs: {@code buddyOrder0Pair} in an arena already in use (one order-0 block held,
 * so the freed block's buddy is busy and the pair neither splits nor merges, the kernel's common
 * case), and {@code buddyOrder0SplitMerge} in an empty chunk, where every allocation splits a
 * 4 MiB block ten times and every free merges it back: the worst case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Djmh.executor=CUSTOM",
        "-Djmh.executor.class=io.jslab.bench.NettyThreadExecutor"})
public class AllocatorPairBench {

    private BuddyArena arena;
    private BuddyArena emptyArena;
    private SlabCache cache;
    private long heldPage;

    private static final Recycler<Pooled> RECYCLER = new Recycler<>() {
        @Override
        protected Pooled newObject(Handle<Pooled> handle) {
            return new Pooled(handle);
        }
    };

    /** What Netty's Recycler hands out: an object that knows its handle. */
    static final class Pooled {
        final Recycler.Handle<Pooled> handle;
        long value;

        Pooled(Recycler.Handle<Pooled> handle) {
            this.handle = handle;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        arena = new BuddyArena(ArenaConfig.DEFAULT);
        cache = new SlabAllocator(arena).createCache("bench-64", 64, false);
        // A slot held for the whole trial keeps its slab partial, so the pair never frees a slab.
        cache.allocate();
        heldPage = arena.allocate(0);
        emptyArena = new BuddyArena(ArenaConfig.DEFAULT);
        emptyArena.free(emptyArena.allocate(0)); // maps the first chunk
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.free(heldPage);
        arena.close();
        emptyArena.close();
    }

    @Benchmark
    public long slabPair() {
        long slot = cache.allocate();
        cache.free(slot);
        return slot;
    }

    @Benchmark
    public long buddyOrder0Pair() {
        long page = arena.allocate(0);
        arena.free(page);
        return page;
    }

    @Benchmark
    public long buddyOrder0SplitMerge() {
        long page = emptyArena.allocate(0);
        emptyArena.free(page);
        return page;
    }

    @Benchmark
    public ByteBuf nettyPooledDirect64() {
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
