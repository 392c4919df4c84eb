package io.jslab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs to run target JVMs on: the homes in {@code jslab.test.jdks} (separated by the path
 * separator), else the running JDK and its sibling JDK homes; one per major release, 17 or later.
 */
final class TargetJdks {

    record Jdk(Path home, int major) {
        @Override
        public String toString() {
            return "JDK " + major;
        }
    }

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private TargetJdks() {
    }

    static List<Jdk> all() {
        List<Path> homes = new ArrayList<>();
        String listed = System.getProperty("jslab.test.jdks", "");
        Path running = Path.of(System.getProperty("java.home"));
        if (!listed.isBlank()) {
            for (String home : listed.split(File.pathSeparator)) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.strip()));
                }
            }
        } else {
            homes.add(running);
            try (Stream<Path> siblings = Files.list(running.getParent())) {
                siblings.sorted().forEach(homes::add);
            } catch (IOException | RuntimeException e) {
                // the running JDK alone
            }
        }
        Map<Integer, Jdk> byMajor = new TreeMap<>();
        for (Path home : homes) {
            int major = major(home);
            if (major >= 17 && Files.isExecutable(home.resolve("bin").resolve("java"))) {
                byMajor.putIfAbsent(major, new Jdk(home, major));
            }
        }
        return List.copyOf(byMajor.values());
    }

    private static int major(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
