package io.jslab.cli;

import io.jslab.testing.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real shaded jar, {@code java -jar jslab-agent.jar <args>}, in its own process
 * with this JDK: exit status, stdout and stderr. The jar is {@link Artifacts#agentJar()}.
 */
record JarRun(int status, String out, String err) {

    static JarRun of(Object... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Artifacts.agentJar().toString()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        try {
            Path out = Files.createTempFile("jslab-cli-out", ".txt");
            Path err = Files.createTempFile("jslab-cli-err", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
                process.getOutputStream().close();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("still running after 120 s: " + command);
                }
                return new JarRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "status " + status + ", stdout:\n" + out + "stderr:\n" + err;
    }
}
