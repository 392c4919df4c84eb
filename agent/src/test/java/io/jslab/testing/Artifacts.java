package io.jslab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/** Where the end-to-end tests find what they hand to a child JVM: the shaded jar, class path entries. */
public final class Artifacts {

    private Artifacts() {
    }

    /** The real shaded agent jar, which failsafe names in the system property {@code jslab.agent.jar}. */
    public static Path agentJar() {
        String jar = System.getProperty("jslab.agent.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property jslab.agent.jar must name the shaded agent jar; was " + jar);
        }
        return Path.of(jar).toAbsolutePath();
    }

    /** The agent jar's {@code Implementation-Version}, which the agent reports as its version. */
    public static String agentVersion() {
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a class of the test class path comes from: the test classes directory or a jar. */
    public static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
