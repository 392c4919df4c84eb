package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dump=} is checked when the options are parsed, and the check leaves nothing behind. */
class DumpTargetTest {

    @TempDir
    Path dir;

    @Test
    void aFileInAMissingDirectoryIsABadOption() {
        Path file = dir.resolve("missing").resolve("slabinfo.txt");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("dump=" + file));
        assertEquals("dump=" + file + ": no such directory " + dir.resolve("missing")
                + ": must be a writable file, stdout or stderr", error.getMessage());
    }

    @Test
    void aDirectoryIsABadOption() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("dump=" + dir));
        assertEquals("dump=" + dir + ": is a directory: must be a writable file, stdout or stderr", error.getMessage());
    }

    @Test
    void aWritableNewFileIsAcceptedAndNotLeftBehind() {
        Path file = dir.resolve("slabinfo.txt");
        assertEquals(file.toString(), AgentOptions.parse("dump=" + file).dump());
        assertFalse(Files.exists(file), "the check removed the file it made");
    }

    @Test
    void anExistingFileIsAcceptedAndKeptAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("old.txt"), "previous run");
        assertEquals(file.toString(), AgentOptions.parse("dump=" + file).dump());
        assertEquals("previous run", Files.readString(file));
    }

    @Test
    void theStandardStreamsAreAccepted() {
        assertEquals("stdout", AgentOptions.parse("dump=stdout").dump());
        assertEquals("stderr", AgentOptions.parse("dump=stderr").dump());
    }
}
