package io.jslab.bench;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the slabinfo text of a chain of 1,000 caches (sizes 8 to 8,000 bytes, some slots in use
 * in each), alone and while another thread allocates and frees in one of the caches: the reader's
 * time per text, and the allocating thread's time per pair beside it (compare with
 * {@code AllocatorPairBench.slabPair}: reading must not stall allocation).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SlabinfoBench {

    @Param("1000")
    int caches;

    private BuddyArena arena;
    private SlabAllocator chain;
    private SlabCache busy;

    @Setup(Level.Trial)
    public void setUp() {
        arena = new BuddyArena(new ArenaConfig(4096, 10, 1L << 30));
        chain = new SlabAllocator(arena);
        for (int i = 0; i < caches; i++) {
            SlabCache cache = chain.createCache("bench-" + i, 8 + 8 * i, false);
            for (int n = 0; n <= i % 3; n++) {
                cache.allocate();
            }
        }
        busy = chain.cache("bench-0");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    @Benchmark
    @Group("alone")
    public String slabinfo() {
        return chain.slabinfo();
    }

    @Benchmark
    @Group("withAllocator")
    @GroupThreads(1)
    public String reader() {
        return chain.slabinfo();
    }

    @Benchmark
    @Group("withAllocator")
    @GroupThreads(1)
    public long allocator() {
        long slot = busy.allocate();
        busy.free(slot);
        return slot;
    }
}
