package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arena's memory never comes out of the application's direct-buffer budget (SPEC section 5):
 * a JVM limited to 1 MiB of direct memory fills a 16 MiB arena, silently.
 */
class OutsideDirectMemoryBudgetTest {

    /** The child JVM: maps four 4 MiB chunks, writes and reads a long in every page. */
    public static final class FillArena {
        public static void main(String[] args) {
            try (BuddyArena arena = new BuddyArena(new ArenaConfig(4096, 10, 16L << 20))) {
                for (int chunk = 0; chunk < 4; chunk++) {
                    long block = arena.allocate(10);
                    for (long page = block; page < block + (4L << 20); page += 4096) {
                        arena.putLong(page, page);
                    }
                }
                for (long page = 0; page < 16L << 20; page += 4096) {
                    if (arena.getLong(page) != page) {
                        throw new AssertionError("page 0x" + Long.toHexString(page));
                    }
                }
                System.out.println("ok " + arena.stats().chunks() + " chunks, "
                        + arena.allocate(0) + " for one more page");
            }
        }
    }

    @Test
    void aSixteenMibArenaFillsAJvmWithOneMibOfDirectMemory(@TempDir Path directory)
            throws IOException, InterruptedException {
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxDirectMemorySize=1m", "-cp", System.getProperty("java.class.path"),
                FillArena.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
        assertEquals("", Files.readString(err, StandardCharsets.UTF_8), "nothing on stderr");
        assertEquals(List.of("ok 4 chunks, -1 for one more page"), Files.readAllLines(out));
        assertEquals(0, child.exitValue());
    }
}
