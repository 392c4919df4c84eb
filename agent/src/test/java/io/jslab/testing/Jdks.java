package io.jslab.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs the end-to-end tests run their target JVMs on: those listed in the system property
 * {@code jslab.test.jdks} (JDK homes separated by the path separator), else the running one plus
 * every sibling of its home (same parent directory) that has {@code bin/java} and a {@code release}
 * file of major version 17 or later. Never a machine path written into the tests.
 */
public final class Jdks {

    /** One JDK home and its major release. */
    public record Jdk(Path home, int major) {
        public Path java() {
            return home.resolve("bin").resolve("java");
        }

        public Path jcmd() {
            return home.resolve("bin").resolve("jcmd");
        }

        @Override
        public String toString() {
            return "JDK " + major;
        }
    }

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Jdks() {
    }

    /** Each JDK found once, by real path: the running one (or the first listed) first. */
    public static List<Jdk> all() {
        Map<Path, Jdk> jdks = new LinkedHashMap<>();
        for (Path home : candidateHomes()) {
            Jdk jdk = describe(home);
            if (jdk != null && jdk.major() >= 17) {
                try {
                    jdks.putIfAbsent(home.toRealPath(), jdk);
                } catch (IOException gone) {
                    // skip
                }
            }
        }
        return List.copyOf(jdks.values());
    }

    /** One JDK per major release, by release: the first of {@link #all()} that has it. */
    public static List<Jdk> onePerMajor() {
        Map<Integer, Jdk> byMajor = new TreeMap<>();
        for (Jdk jdk : all()) {
            byMajor.putIfAbsent(jdk.major(), jdk);
        }
        return List.copyOf(byMajor.values());
    }

    private static List<Path> candidateHomes() {
        List<Path> homes = new ArrayList<>();
        String listed = System.getProperty("jslab.test.jdks", "");
        if (!listed.isBlank()) {
            for (String home : listed.split(File.pathSeparator)) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.strip()));
                }
            }
        } else {
            Path current = Path.of(System.getProperty("java.home"));
            homes.add(current);
            try (Stream<Path> siblings = Files.list(current.getParent())) {
                siblings.sorted().forEach(homes::add);
            } catch (IOException | RuntimeException unreadable) {
                // the running JDK alone
            }
        }
        return homes;
    }

    private static Jdk describe(Path home) {
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return null;
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? new Jdk(home, Integer.parseInt(matcher.group(1))) : null;
        } catch (IOException | RuntimeException noRelease) {
            return null;
        }
    }
}
