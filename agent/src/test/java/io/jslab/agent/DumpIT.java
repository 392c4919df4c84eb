package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixture.HelloMain;
import io.jslab.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dump=} to a file at exit; a file that cannot be written is a bad option, told at start. */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class DumpIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void slabinfoIsWrittenToTheFileAtExit(Jdks.Jdk jdk) throws Exception {
        Path file = dir.resolve("slabinfo.txt");
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "dump=" + file, HelloMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals("main ran 1" + System.lineSeparator(), jvm.stdout());
            assertEquals("", jvm.stderr());
            String text = Files.readString(file);
            assertTrue(text.startsWith("slabinfo - version: 2.1\n# name "), text);
            assertEquals(Map.of("fixture.Annotated", 1L), Slabinfo.activeObjects(text), text);
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void unwritableFileIsABadOptionAndMainNeverRuns(Jdks.Jdk jdk) throws Exception {
        Path file = dir.resolve("missing").resolve("slabinfo.txt");
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "dump=" + file, HelloMain.class, List.of())) {
            assertEquals(1, jvm.exitStatus(), jvm.stderr());
            assertEquals("", jvm.stdout(), "main never ran");
            assertEquals("jslab: dump=" + file + ": no such directory " + file.getParent()
                    + ": must be a writable file, stdout or stderr" + System.lineSeparator(), jvm.stderr());
        }
    }
}
