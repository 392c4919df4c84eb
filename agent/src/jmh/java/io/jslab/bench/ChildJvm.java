package io.jslab.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class of these benchmarks in a fresh JVM, with or without the shaded agent jar,
 * and returns the lines it printed (echoed as they come).
 *
 * <p>The child's class path is only the benchmark classes' own directory: with the agent, every
 * jslab class comes from the shaded jar, as in a user's application. The child runs on the same
 * {@code java} as this JVM, so the JDK that runs Maven is the JDK measured.
 */
final class ChildJvm {

    private ChildJvm() {}

    static List<String> run(String mode, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        return run(mode, jvmOptions, "", main, args);
    }

    /** As above, with {@code agentOptions} (e.g. {@code arena.max=1g}) after the agent jar, if not empty. */
    static List<String> run(String mode, List<String> jvmOptions, String agentOptions, Class<?> main,
                            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (AgentMode.usesAgent(mode)) {
            String jar = System.getProperty(JslabForkProfiler.AGENT_JAR_PROPERTY);
            if (jar == null || !new File(jar).isFile()) {
                throw new IllegalStateException("-D" + JslabForkProfiler.AGENT_JAR_PROPERTY
                        + " must name the shaded agent jar; got " + jar);
            }
            command.add("-javaagent:" + jar + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.add("-cp");
        command.add(ownClassDirectory());
        command.add(main.getName());
        command.addAll(List.of(args));
        System.out.println("# " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("  " + line);
                lines.add(line);
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(main.getSimpleName() + " exited with status " + status);
        }
        return lines;
    }

    private static String ownClassDirectory() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
