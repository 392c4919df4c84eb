package io.jslab.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real application under the agent: {@link H2Workload} (H2's in-memory database under a
 * TPC-B-like mix) in child JVMs, alternately without the agent ({@code plain}) and with it
 * selecting H2's own classes ({@code agent}), {@code --runs} pairs. Per run: transactions per
 * second over the measured window, the child's peak and final resident memory (VmHWM, VmRSS of
 * its {@code /proc/<pid>/status}, read while it waits to exit), and the answer checksum, which
 * must be the same in every run. Each child's output goes to {@code target/h2-bench/}; the last
 * agent run's slabinfo dump ({@code dump=stdout}) is printed at the end.
 *
 * <p>Options ({@code --key=value}): {@code runs} (5), {@code seconds} measured (20),
 * {@code warmup} (10), {@code threads} (2), {@code scale} (1: branches, x10 tellers, x100,000
 * accounts), {@code answer-tx} per thread (2000), {@code gc} (G1, Parallel, ZGC, Serial),
 * {@code heap} (-Xmx, 1g), {@code jdk} (a JDK home; default JAVA_HOME, else this JVM's), and
 * {@code agent-options} (the default {@link #DEFAULT_AGENT_OPTIONS}; {@code dump=stdout} is added).
 */
public final class H2BenchMain {

    /** H2's value, row and B-tree page classes: what its SQL engine constructs per row touched. */
    static final String DEFAULT_AGENT_OPTIONS =
            "include=org.h2.value.Value*:org.h2.result.*Row*:org.h2.mvstore.Page*:org.h2.mvstore.tx.VersionedValue*";

    private H2BenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
        String jdk = o.getOrDefault("jdk", System.getenv().getOrDefault("JAVA_HOME", System.getProperty("java.home")));
        String agentOptions = o.getOrDefault("agent-options", DEFAULT_AGENT_OPTIONS) + ",dump=stdout";
        List<String> jvm = List.of("-Xmx" + o.getOrDefault("heap", "1g"), "-XX:+Use" + gcFlag(o.getOrDefault("gc", "G1")));
        List<String> childArgs = List.of(o.getOrDefault("threads", "2"), o.getOrDefault("scale", "1"),
                o.getOrDefault("warmup", "10"), o.getOrDefault("seconds", "20"), o.getOrDefault("answer-tx", "2000"));
        Path logs = Files.createDirectories(Path.of("target", "h2-bench"));

        List<Map<String, String>> results = new ArrayList<>();
        List<String> lastDump = List.of();
        for (int run = 1; run <= runs; run++) {
            for (String mode : List.of("plain", "agent")) {
                List<String> command = new ArrayList<>(List.of(Path.of(jdk, "bin", "java").toString()));
                command.addAll(jvm);
                if (mode.equals("agent")) {
                    command.add("-javaagent:" + agentJar() + "=" + agentOptions);
                }
                command.addAll(List.of("-cp", classPath(), H2Workload.class.getName()));
                command.addAll(childArgs);
                System.out.println("# run " + run + " " + mode + ": " + String.join(" ", command));
                List<String> lines = new ArrayList<>();
                Map<String, String> r = runChild(command, lines);
                Files.write(logs.resolve(run + "-" + mode + ".log"), lines);
                r.put("run", Integer.toString(run));
                r.put("mode", mode);
                results.add(r);
                if (mode.equals("agent")) {
                    lastDump = lines.subList(lines.indexOf(H2Workload.DONE) + 1, lines.size());
                }
            }
        }
        H2Report.print(results, System.out);
        System.out.println();
        System.out.println("slabinfo at the exit of the last agent run:");
        lastDump.forEach(System.out::println);
        if (!H2Report.answersAgree(results)) {
            System.exit(1);
        }
    }

    /** Runs one child; its key=value lines, with vmhwm and vmrss (KiB) read before it exits. */
    private static Map<String, String> runChild(List<String> command, List<String> lines)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> r = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                int eq = line.indexOf('=');
                if (eq > 0 && line.indexOf(' ') < 0) {
                    r.put(line.substring(0, eq), line.substring(eq + 1));
                }
                if (line.equals(H2Workload.DONE)) {
                    readStatus(p.pid(), r);
                    p.getOutputStream().close(); // lets the child exit, and dump its slabinfo
                }
            }
        }
        int status = p.waitFor();
        if (status != 0 || !r.containsKey("vmhwm")) {
            lines.forEach(System.out::println);
            throw new IllegalStateException("H2Workload exited with status " + status);
        }
        return r;
    }

    private static void readStatus(long pid, Map<String, String> r) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] f = line.split("\\s+");
            if (f[0].equals("VmHWM:") || f[0].equals("VmRSS:")) {
                r.put(f[0].substring(0, 5).toLowerCase(), f[1]);
            }
        }
    }

    private static String gcFlag(String gc) {
        switch (gc.toLowerCase()) {
            case "g1": return "G1GC";
            case "parallel": return "ParallelGC";
            case "zgc": case "z": return "ZGC";
            case "serial": return "SerialGC";
            default: throw new IllegalArgumentException("--gc=" + gc + ": accepted are G1, Parallel, ZGC, Serial");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(arg + ": options are --key=value (see H2BenchMain's javadoc)");
            }
            o.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return o;
    }

    private static String agentJar() {
        String jar = System.getProperty(JslabForkProfiler.AGENT_JAR_PROPERTY);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("-D" + JslabForkProfiler.AGENT_JAR_PROPERTY + " must name the shaded agent jar; got " + jar);
        }
        return jar;
    }

    /** The bench classes and H2's jar only: jslab's classes come from the agent jar alone. */
    private static String classPath() throws Exception {
        String own = Path.of(H2BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return own + File.pathSeparator + h2;
    }
}
