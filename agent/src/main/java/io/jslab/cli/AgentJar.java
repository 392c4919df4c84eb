package io.jslab.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The jar this command runs from, which is also the agent it loads into a target. */
final class AgentJar {

    private AgentJar() {
    }

    static Path path() {
        Path location;
        try {
            location = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new CliException("cannot tell which jar this command runs from: " + Messages.of(e));
        }
        if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            throw new CliException("attach loads the jar it runs from, but this runs from "
                    + location + "; run 'java -jar jslab-agent.jar attach <pid>'");
        }
        return location.toAbsolutePath();
    }
}
