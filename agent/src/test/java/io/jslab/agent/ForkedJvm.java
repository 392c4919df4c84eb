package io.jslab.agent;

import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM for an end-to-end test: a fixture main class from the test classes, on one of the
 * {@link Jdks}, with or without {@code -javaagent:} and the real shaded jar
 * ({@link Artifacts#agentJar()}). Its stdout and stderr are captured whole.
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
        List<String> classPath = new ArrayList<>();
        classPath.add(Artifacts.locationOf(main));
        classPath.add(Artifacts.locationOf(org.awaitility.Awaitility.class));
        classPath.add(Artifacts.locationOf(org.hamcrest.Matcher.class));
        classPath.addAll(extraClassPath);
        List<String> tail = new ArrayList<>(jvmArgs);
        tail.add("-cp");
        tail.add(String.join(File.pathSeparator, classPath));
        tail.add(main.getName());
        tail.addAll(List.of(args));
        return startWith(jdk, agentOptions, tail);
    }

    /** Starts {@code java [-javaagent:...] <tail>} on {@code jdk}: the tail says what to run and how. */
    static ForkedJvm startWith(Jdks.Jdk jdk, String agentOptions, List<String> tail) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        if (agentOptions != null) {
            command.add("-javaagent:" + Artifacts.agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.addAll(tail);
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
