package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM for an end-to-end test: a fixture main class from the test classes, on one of the
 * {@link Jdks}, with or without {@code -javaagent:} and the real shaded jar that failsafe names in
 * {@code jslab.agent.jar}. Its stdout and stderr are captured whole.
 */
final class ForkedJvm implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Output stdout;
    private final Output stderr;

    private ForkedJvm(Process process) {
        this.process = process;
        this.stdout = new Output(process.getInputStream());
        this.stderr = new Output(process.getErrorStream());
    }

    static Path agentJar() {
        String jar = System.getProperty("jslab.agent.jar");
        assertNotNull(jar, "failsafe passes jslab.agent.jar");
        assertTrue(new File(jar).isFile(), "the shaded jar exists: " + jar);
        return Path.of(jar);
    }

    /** Where a class of the test class path comes from: the test classes directory or a jar. */
    static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code main} on {@code jdk}; {@code agentOptions} null means no agent. The class path
     * holds the test classes and Awaitility (the fixtures wait with it), plus {@code extraClassPath}.
     */
    static ForkedJvm start(Jdks.Jdk jdk, String agentOptions, Class<?> main, List<String> extraClassPath,
                           String... args) {
        return start(jdk, List.of(), agentOptions, main, extraClassPath, args);
    }

    /** As above, with {@code jvmArgs} before the class path. */
    static ForkedJvm start(Jdks.Jdk jdk, List<String> jvmArgs, String agentOptions, Class<?> main,
                           List<String> extraClassPath, String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmArgs);
        if (agentOptions != null) {
            command.add("-javaagent:" + agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        List<String> classPath = new ArrayList<>();
        classPath.add(locationOf(main));
        classPath.add(locationOf(org.awaitility.Awaitility.class));
        classPath.add(locationOf(org.hamcrest.Matcher.class));
        classPath.addAll(extraClassPath);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ForkedJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the JVM to end and returns its exit status. */
    int exitStatus() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM did not end within " + TIMEOUT + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        stdout.join();
        stderr.join();
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Writes a line to the JVM's stdin (the attach fixture waits for it). */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    String stdout() {
        return stdout.text();
    }

    String stderr() {
        return stderr.text();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Drains a stream on its own thread so the JVM never blocks on a full pipe. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Output(InputStream in) {
            reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            }, "forked-jvm-output");
            reader.setDaemon(true);
            reader.start();
        }

        void join() throws InterruptedException {
            reader.join(TIMEOUT.toMillis());
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
