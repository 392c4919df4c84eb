package io.jslab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Starts each fork with or without the jslab agent, as its {@code mode} parameter asks, and
 * reports the fork's young-collection pauses from its {@code -Xlog:gc} log.
 *
 * <p>{@code mode=plain}, {@code floor} and {@code floor-weak} forks run without the agent;
 * {@code mode=sweep} forks get {@code -javaagent:<jslab.agent.jar>=arena.max=<the fork's -Xmx>,track=exact},
 * {@code mode=auto} forks the same without {@code track=exact}.
 * Benchmarks with and without the agent thus run in one JMH run, which a
 * {@code @Fork(jvmArgsAppend)} constant cannot do: an annotation cannot name a path found at run
 * time. The jar's path comes from the system property {@code jslab.agent.jar} of the JMH host
 * (the {@code bench} profile passes it).
 *
 * <p>Pauses: G1's {@code Pause Young} lines (Normal, Concurrent Start, Prepare Mixed, Mixed).
 * When the fork ran a {@code System.gc()} (a benchmark's setup does, once its live set is built),
 * only pauses after that full collection count. Reported per fork and averaged over forks:
 * {@code gc.young.median}, {@code gc.young.p90}, {@code gc.young.max} (ms) and {@code gc.young.count}.
 * Also {@code jslab.failures}: the tracked class's allocation failures, summed over forks, from
 * the file {@link CacheStatsReader#report} writes at the end of an agent fork's trial.
 *
 * <p>Use: {@code -prof io.jslab.bench.JslabForkProfiler}.
 */
public final class JslabForkProfiler implements ExternalProfiler {

    static final String AGENT_JAR_PROPERTY = "jslab.agent.jar";
    private static final Pattern YOUNG_PAUSE =
            Pattern.compile("Pause Young \\([^)]*\\).* (\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final String FULL_MARKER = "Pause Full (System.gc())";
    private static final Pattern CACHE_REPORT = Pattern.compile("failures=(\\d+)");

    private final String agentJar;

    public JslabForkProfiler() throws ProfilerException {
        agentJar = System.getProperty(AGENT_JAR_PROPERTY);
        if (agentJar == null || !new File(agentJar).isFile()) {
            throw new ProfilerException("-D" + AGENT_JAR_PROPERTY + " must name the shaded agent jar"
                    + " (mvn -pl agent package builds agent/target/jslab-agent.jar); got " + agentJar);
        }
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        List<String> options = new ArrayList<>();
        // %p: the JVM puts its pid in the name, and afterTrial is handed that pid.
        options.add("-Xlog:gc:file=" + gcLogPattern());
        String mode = params.getParamsKeys().contains("mode") ? params.getParam("mode") : "plain";
        if (AgentMode.usesAgent(mode)) {
            String arena = arenaAsLargeAsHeap(params.getJvmArgs());
            String track = AgentMode.trackOption(mode);
            String agentOptions = arena.isEmpty() ? (track.isEmpty() ? "" : "=" + track)
                    : arena + (track.isEmpty() ? "" : "," + track);
            options.add("-javaagent:" + agentJar + agentOptions);
        }
        return options;
    }

    /**
     * {@code =arena.max=<the fork's -Xmx>}, or nothing without {@code -Xmx}: as the options page
     * advises for applications whose allocation is mostly tracked, so that the agent's forks
     * measure tracking, not a full arena refusing slots.
     */
    static String arenaAsLargeAsHeap(Collection<String> jvmArgs) {
        String heap = null;
        for (String arg : jvmArgs) {
            if (arg.startsWith("-Xmx")) {
                heap = arg.substring("-Xmx".length()).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return heap == null ? "" : "=arena.max=" + heap;
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's interface declares the raw type
    public Collection<? extends Result> afterTrial(BenchmarkResult result, long pid, File stdOut,
                                                   File stdErr) {
        List<ScalarResult> results = new ArrayList<>();
        Path log = Path.of(gcLogPattern().replace("%p", Long.toString(pid)));
        try {
            List<Double> pauses = youngPauses(Files.readAllLines(log));
            Files.deleteIfExists(log);
            if (!pauses.isEmpty()) {
                pauses.sort(null);
                results.add(new ScalarResult("gc.young.median", percentile(pauses, 0.5), "ms", AggregationPolicy.AVG));
                results.add(new ScalarResult("gc.young.p90", percentile(pauses, 0.9), "ms", AggregationPolicy.AVG));
                results.add(new ScalarResult("gc.young.max", pauses.get(pauses.size() - 1), "ms", AggregationPolicy.MAX));
                results.add(new ScalarResult("gc.young.count", pauses.size(), "#", AggregationPolicy.AVG));
            }
            Path report = reportFile(pid);
            if (Files.exists(report)) {
                for (String line : Files.readAllLines(report)) {
                    Matcher m = CACHE_REPORT.matcher(line);
                    if (m.find()) {
                        results.add(new ScalarResult("jslab.failures", Long.parseLong(m.group(1)), "#",
                                AggregationPolicy.SUM));
                    }
                }
                Files.delete(report);
            }
        } catch (IOException e) {
            // No log: the fork died early, and JMH reports that itself.
        }
        return results;
    }

    static List<Double> youngPauses(List<String> lines) {
        boolean marked = lines.stream().anyMatch(l -> l.contains(FULL_MARKER));
        boolean counting = !marked;
        List<Double> pauses = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(FULL_MARKER)) {
                counting = true;
                continue;
            }
            Matcher m = YOUNG_PAUSE.matcher(line);
            if (counting && m.find()) {
                pauses.add(Double.parseDouble(m.group(1)));
            }
        }
        return pauses;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Where a fork with that pid leaves its cache report. */
    static Path reportFile(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "jslab-bench-report-" + pid + ".txt");
    }

    private static String gcLogPattern() {
        return System.getProperty("java.io.tmpdir") + File.separator + "jslab-bench-gc-%p.log";
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "forks with or without the jslab agent by the 'mode' parameter; young GC pauses";
    }
}
