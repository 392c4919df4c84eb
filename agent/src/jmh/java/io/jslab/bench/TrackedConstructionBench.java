package io.jslab.bench;

import com.example.bench.TrackedNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Constructing a tracked object, amortized over its reclamation: throughput of construct-and-drop,
 * so each second measured also pays the collections, the reference processing and the slot frees
 * that the constructions cause. The same class without the agent ({@code mode=plain}) is the
 * baseline; {@code sweep} is the agent;
 * {@code floor} and {@code floor-weak} run without the agent but keep a phantom (or weak)
 * reference per object themselves ({@link ReferenceFloor}): the collector's share of any tracker
 * that keeps a reference per object, which no such design can go below.
 *
 * <ul>
 * <li>{@code shortLived}: each object dies at once (returned to JMH's blackhole, so it does escape
 *     and is really allocated);
 * <li>{@code longLived}: each object is kept in a ring of 2^20 slots, so it lives for a million
 *     constructions and survives several young collections (young generation fixed at 16 MiB) before
 *     it is dropped.
 * </ul>
 * Needs {@code -prof io.jslab.bench.JslabForkProfiler} (see {@link AgentMode}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class TrackedConstructionBench {

    static final int RING = 1 << 20;

    @Param({"plain", "floor", "floor-weak", "sweep", "auto"})
    String mode;

    private final TrackedNode[] ring = new TrackedNode[RING];
    private long next;
    private ReferenceFloor floor;

    @Setup(Level.Trial)
    public void setUp() {
        AgentMode.check(mode);
        floor = AgentMode.floorFor(mode);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        CacheStatsReader.report(TrackedNode.class.getName());
    }

    @Benchmark
    public TrackedNode shortLived() {
        TrackedNode node = new TrackedNode(next++, null);
        if (floor != null) {
            floor.track(node);
        }
        return node;
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Xmn16m"})
    public TrackedNode longLived() {
        long id = next++;
        TrackedNode node = new TrackedNode(id, null);
        if (floor != null) {
            floor.track(node);
        }
        ring[(int) id & (RING - 1)] = node;
        return node;
    }
}
