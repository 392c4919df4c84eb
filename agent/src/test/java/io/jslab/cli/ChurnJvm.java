package io.jslab.cli;

import static org.awaitility.Awaitility.await;

import io.jslab.testing.Artifacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.example.churn.ChurnApp;

/**
 * {@link ChurnApp} in a JVM of its own, started without jslab, talked to through its stdin and
 * stdout. Its class path holds only the fixture classes (the test classes), never jslab's, so the
 * agent it gets by attach is the jar's alone.
 */
final class ChurnJvm implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;

    private ChurnJvm(Process process) {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChurnJvm start(String... jvmOptions) {
        return start(Path.of(System.getProperty("java.home")), jvmOptions);
    }

    static ChurnJvm start(Path javaHome, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(Artifacts.locationOf(ChurnApp.class));
        command.add(ChurnApp.class.getName());
        try {
            ChurnJvm jvm = new ChurnJvm(new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            jvm.expect("ready");
            return jvm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Sends one command and returns its one-line answer. */
    String ask(String command) {
        commands.println(command);
        return read();
    }

    private void expect(String line) {
        String answer = read();
        if (!line.equals(answer)) {
            throw new IllegalStateException("the fixture JVM said '" + answer + "', not '" + line + "'");
        }
    }

    private String read() {
        try {
            return answers.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        commands.close();
        process.destroy();
        await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
