package io.jslab.bench;

/**
 * The {@code mode} parameter of the agent benchmarks: {@code plain} (no agent), {@code sweep} or
 * {@code queue} (the agent, with that reclamation strategy). {@link JslabForkProfiler} starts the
 * forks accordingly; {@link #check} refuses to measure a fork that was started otherwise, so a run
 * without the profiler fails instead of reporting plain {@code new} under the agent's name.
 */
final class AgentMode {

    private AgentMode() {}

    static void check(String mode) {
        boolean loaded = System.getProperty("io.jslab.agent.version") != null;
        boolean wanted = !mode.equals("plain");
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
