package io.jslab.bench;

import com.example.bench.PlainNode;
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
 * Young-collection pauses with a million live tracked objects: the setup builds them, then runs
 * {@code System.gc()} so that they sit in the old generation, and {@link JslabForkProfiler} counts
 * the young pauses after that collection. The benchmark churns short-lived garbage to drive young
 * collections: {@code churn=plain} untracked objects (what the million live tracked objects alone
 * cost each pause), {@code churn=tracked} tracked ones (the whole cost of an application whose
 * short-lived objects are tracked too). Young generation fixed at 64 MiB, so that G1's pause-time
 * sizing does not give the two modes different young generations. {@code mode=floor} tracks the
 * same objects with a bare phantom reference each, and {@code floor-weak} with a weak one
 * ({@link ReferenceFloor}), without the agent.
 *
 * <p>The score (constructions per microsecond) is secondary; the pauses are the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC", "-Xmn64m"})
public class YoungPauseBench {

    static final int LIVE = 1_000_000;

    @Param({"plain", "floor", "floor-weak", "sweep", "auto"})
    String mode;

    @Param({"plain", "tracked"})
    String churn;

    private TrackedNode[] live;
    private boolean tracked;
    private long next;
    private ReferenceFloor floor;

    @Setup(Level.Trial)
    public void setUp() {
        AgentMode.check(mode);
        tracked = churn.equals("tracked");
        floor = AgentMode.floorFor(mode);
        live = new TrackedNode[LIVE];
        for (int i = 0; i < LIVE; i++) {
            live[i] = new TrackedNode(i, null);
            if (floor != null) {
                floor.track(live[i]);
            }
        }
        System.gc();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        CacheStatsReader.report(TrackedNode.class.getName());
    }

    @Benchmark
    public Object churn() {
        long id = next++;
        if (!tracked) {
            return new PlainNode(id, null);
        }
        TrackedNode node = new TrackedNode(id, null);
        if (floor != null) {
            floor.track(node);
        }
        return node;
    }
}
