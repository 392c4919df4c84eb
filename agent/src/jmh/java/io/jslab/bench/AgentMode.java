package io.jslab.bench;

/**
 * The {@code mode} parameter of the agent benchmarks: {@code plain} (no agent), {@code floor} and
 * {@code floor-weak} (no agent; the benchmark keeps a phantom or weak reference per object itself,
 * see {@link ReferenceFloor}),
 * {@code sweep} or {@code queue} (the agent, with that reclamation strategy). {@link JslabForkProfiler} starts the
 * forks accordingly; {@link #check} refuses to measure a fork that was started otherwise, so a run
 * without the profiler fails instead of reporting plain {@code new} under the agent's name.
 */
final class AgentMode {

    private AgentMode() {}

    /** Whether forks of {@code mode} run with the agent. */
    static boolean usesAgent(String mode) {
        return !mode.equals("plain") && !mode.startsWith("floor");
    }

    /** The reference floor of {@code mode=floor} (phantom) or {@code floor-weak}, else null. */
    static ReferenceFloor floorFor(String mode) {
        if (!mode.startsWith("floor")) {
            return null;
        }
        if (!mode.equals("floor") && !mode.equals("floor-weak")) {
            throw new IllegalArgumentException("mode=" + mode + ": accepted modes are plain, floor,"
                    + " floor-weak, sweep and queue");
        }
        return new ReferenceFloor(mode.equals("floor-weak"));
    }

    static void check(String mode) {
        boolean loaded = System.getProperty("io.jslab.agent.version") != null;
        boolean wanted = usesAgent(mode);
        if (loaded != wanted) {
            throw new IllegalStateException("mode=" + mode + " but the jslab agent is "
                    + (loaded ? "loaded" : "not loaded") + ": run with -prof io.jslab.bench.JslabForkProfiler");
        }
        if (wanted && !mode.equals(System.getProperty("jslab.reclaim"))) {
            throw new IllegalStateException("mode=" + mode + " but -Djslab.reclaim="
                    + System.getProperty("jslab.reclaim"));
        }
    }
}
