package io.jslab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * The {@code include} to suggest when an attach selected nothing: the package of the target's main
 * class, read from its {@code sun.java.command} (the main class, or with {@code -jar} the jar whose
 * manifest names it, resolved against the target's {@code user.dir}). A main class in no package,
 * or a command that cannot be read, gives a placeholder to fill in.
 */
final class IncludeSuggestion {

    static final String PLACEHOLDER = "include=<your.package>.*";

    private IncludeSuggestion() {}

    /** Whether an option string names {@code include}: then the user chose, and gets no suggestion. */
    static boolean namesInclude(String options) {
        for (String pair : options.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals("include")) {
                return true;
            }
        }
        return false;
    }

    static String of(Properties target) {
        String command = target.getProperty("sun.java.command", "").strip();
        String first = command.isEmpty() ? "" : command.split("\\s+")[0];
        if (!first.endsWith(".jar") && first.contains("/")) {
            first = first.substring(first.lastIndexOf('/') + 1); // -m module/main.Class
        }
        String mainClass = first.endsWith(".jar") ? mainClassOf(Path.of(target.getProperty("user.dir", "")).resolve(first)) : first;
        int dot = mainClass == null ? -1 : mainClass.lastIndexOf('.');
        return dot <= 0 ? PLACEHOLDER : "include=" + mainClass.substring(0, dot) + ".*";
    }

    private static String mainClassOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
