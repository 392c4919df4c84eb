package io.jslab.demo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the agent jar's command line, {@code java -jar jslab-agent.jar <args>}, on a JDK. */
record Cli(int status, String out, String err) {

    static Cli run(Jdks.Jdk jdk, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.java(), "-jar", DemoJvm.jar("jslab.agent.jar").toString()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        Path out = Files.createTempFile("jslab-cli", ".out");
        Path err = Files.createTempFile("jslab-cli", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("still running after 120 s: " + command);
            }
            return new Cli(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Override
    public String toString() {
        return "status " + status + ", stdout:\n" + out + "stderr:\n" + err;
    }
}
