package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fixture.HelloMain;
import io.jslab.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Under {@code -javaagent}, a bad option is one line on stderr and exit status 1; main never runs. */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class BadOptionsIT {

    private static void assertRefused(Jdks.Jdk jdk, String options, String line) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jdk, options, HelloMain.class, List.of())) {
            assertEquals(1, jvm.exitStatus());
            assertEquals("jslab: " + line + System.lineSeparator(), jvm.stderr());
            assertEquals("", jvm.stdout(), "main never ran");
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void unknownKeyNamesTheAcceptedKeys(Jdks.Jdk jdk) throws Exception {
        assertRefused(jdk, "pagesize=4k", "unknown option 'pagesize': accepted keys are include, exclude, "
                + "arena.pagesize, arena.maxorder, arena.max, jmx, dump, verbose, track, track.budget, exact, jfr");
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void badValueNamesKeyValueAndWhatIsAccepted(Jdks.Jdk jdk) throws Exception {
        assertRefused(jdk, "dump=stdout,arena.pagesize=3k", "arena.pagesize=3k: must be a power of two from 4k to 64k");
    }

    /** The options took effect: the dump was written, with slabs of 8k pages. */
    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void goodOptionsLetMainRunAndTakeEffect(Jdks.Jdk jdk, @TempDir Path dir) throws Exception {
        Path dump = dir.resolve("slabinfo.txt");
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "arena.pagesize=8k,arena.max=64m,jmx=false,dump=" + dump,
                HelloMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals("main ran 1" + System.lineSeparator(), jvm.stdout());
            assertEquals("", jvm.stderr());
            // 24-byte slots: 341 to an 8k page (a 4k page holds 170)
            assertEquals("fixture.Annotated      1    341     24  341    1 : tunables    0    0    0 : slabdata      1      1      0",
                    Files.readAllLines(dump).get(2));
        }
    }
}
