package io.jslab.bench;

import java.util.List;

/**
 * The {@code mode} parameter of the agent benchmarks: {@code plain} (no agent), {@code floor} and
 * {@code floor-weak} (no agent; the benchmark keeps a phantom or a weak reference per object
 * itself, see {@link ReferenceFloor}), {@code sweep} (the agent with {@code track=exact}: every
 * object watched, a reference each, its tracker sweeping the records after each collection),
 * {@code auto} (the agent with its defaults: every object counted, a sample watched, SPEC 2a),
 * {@code auto-<budget>} (the same with {@code track.budget=<budget>}, e.g. {@code auto-10k}). {@link JslabForkProfiler} starts the forks
 * accordingly; {@link #check} refuses to measure a fork that was started otherwise, so a run
 * without the profiler fails instead of reporting plain {@code new} under the agent's name.
 */
final class AgentMode {

    static final List<String> MODES = List.of("plain", "floor", "floor-weak", "sweep", "auto");

    private AgentMode() {}

    /** Whether forks of {@code mode} run with the agent. */
    static boolean usesAgent(String mode) {
        return known(mode).equals("sweep") || mode.startsWith("auto");
    }

    /** The agent options {@code mode} adds: {@code sweep} watches every object (a reference each). */
    static String trackOption(String mode) {
        String m = known(mode);
        if (m.equals("sweep")) {
            return "track=exact";
        }
        return m.startsWith("auto-") ? "track.budget=" + m.substring("auto-".length()) : "";
    }

    /** The reference floor of {@code mode=floor} (phantom) or {@code floor-weak}, else null. */
    static ReferenceFloor floorFor(String mode) {
        return known(mode).startsWith("floor") ? new ReferenceFloor(mode.equals("floor-weak")) : null;
    }

    static void check(String mode) {
        boolean loaded = System.getProperty("io.jslab.agent.version") != null;
        boolean wanted = usesAgent(mode);
        if (loaded != wanted) {
            throw new IllegalStateException("mode=" + mode + " but the jslab agent is "
                    + (loaded ? "loaded" : "not loaded") + ": run with -prof io.jslab.bench.JslabForkProfiler");
        }
    }

    private static String known(String mode) {
        if (!MODES.contains(mode) && !mode.matches("auto-[0-9]+[km]?")) {
            throw new IllegalArgumentException("mode=" + mode + ": accepted modes are " + String.join(", ", MODES)
                    + ", auto-<budget>");
        }
        return mode;
    }
}
