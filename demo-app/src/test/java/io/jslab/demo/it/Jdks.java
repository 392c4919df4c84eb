package io.jslab.demo.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs to run the demo on: the homes listed in the system property {@code jslab.test.jdks}
 * (separated by the path separator), else the running JDK and every sibling of its home with a
 * {@code bin/java} and a {@code release} file of version 17 or later. Each once, by real path.
 */
final class Jdks {

    record Jdk(Path home, int major) {
        String java() {
            return home.resolve("bin").resolve("java").toString();
        }

        String jcmd() {
            return home.resolve("bin").resolve("jcmd").toString();
        }

        @Override
        public String toString() {
            return "JDK " + major;
        }
    }

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Jdks() {}

    static List<Jdk> all() throws IOException {
        List<Path> homes = new ArrayList<>();
        String listed = System.getProperty("jslab.test.jdks", "");
        Path running = Path.of(System.getProperty("java.home"));
        if (!listed.isBlank()) {
            for (String home : listed.split(File.pathSeparator)) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.trim()));
                }
            }
        } else {
            homes.add(running);
            if (running.getParent() != null) {
                try (Stream<Path> siblings = Files.list(running.getParent())) {
                    siblings.sorted().forEach(homes::add);
                }
            }
        }
        Map<Path, Jdk> jdks = new LinkedHashMap<>();
        for (Path home : homes) {
            Path release = home.resolve("release");
            if (Files.isExecutable(home.resolve("bin").resolve("java")) && Files.isRegularFile(release)) {
                Matcher version = VERSION.matcher(Files.readString(release));
                if (version.find() && Integer.parseInt(version.group(1)) >= 17) {
                    jdks.putIfAbsent(home.toRealPath(), new Jdk(home, Integer.parseInt(version.group(1))));
                }
            }
        }
        return List.copyOf(jdks.values());
    }

    /** The JDK running the tests. */
    static Jdk running() {
        return new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }
}
