package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk's pages are backed when it is mapped: on a 6 MiB tmpfs, 4 MiB chunks (4 KiB pages,
 * order 10). A file system that fills up after the mapping cannot fault a write to the chunk, and
 * a chunk the file system cannot back is refused when it is mapped, leaving no file behind.
 */
class ChunkBackingTest {

    private static final long CHUNK = 4L << 20;
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private SmallTmpfs tmpfs;

    @BeforeEach
    void mount() throws Exception {
        tmpfs = SmallTmpfs.mount(dir, 6L << 20);
    }

    @AfterEach
    void unmount() throws Exception {
        tmpfs.close();
    }

    @Test
    void aFileSystemThatFillsAfterTheMappingCannotFaultTheChunk() throws Exception {
        BuddyArena arena = new BuddyArena(new ArenaConfig(PAGE, 10, 2 * CHUNK), List.of(tmpfs.directory));
        try {
            long block = arena.allocate(10);
            assertEquals(0, block);
            assertEquals(CHUNK, usedBytes(), "the whole chunk was backed at map time");
            fillUp(); // another process takes every page left
            assertEquals(0, Files.getFileStore(tmpfs.directory).getUsableSpace());
            for (long page = 0; page < CHUNK; page += PAGE) {
                arena.putLong(page, page ^ 0x5a5a5a5aL); // would be a SIGBUS on a page not yet backed
            }
            for (long page = 0; page < CHUNK; page += PAGE) {
                assertEquals(page ^ 0x5a5a5a5aL, arena.getLong(page));
            }
        } finally {
            arena.close();
        }
    }

    @Test
    void aChunkTheFileSystemCannotBackIsAFailedGrowthCountedOnce() throws Exception {
        BuddyArena first = new BuddyArena(new ArenaConfig(PAGE, 10, 2 * CHUNK), List.of(tmpfs.directory));
        BuddyArena second = new BuddyArena(new ArenaConfig(PAGE, 10, 2 * CHUNK), List.of(tmpfs.directory));
        try {
            assertEquals(0, first.allocate(10));
            // 2 MiB left: a lazily backed chunk would map here and fault later; this one is refused.
            assertEquals(BuddyArena.NO_MEMORY, second.allocate(0));
            assertEquals(1, second.stats().allocationFailures());
            assertEquals(0, second.stats().chunks());
            assertEquals(List.of(), files(), "no file left behind");
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aChunkThatRunsOutOfRoomWhileBeingWrittenIsRefusedAndGivesItsPagesBack() throws Exception {
        MappedChunks chunks = new MappedChunks(CHUNK, List.of(tmpfs.directory));
        Files.write(tmpfs.directory.resolve("taken"), new byte[3 << 20]); // 3 MiB left, the room check bypassed
        IOException refused = assertThrows(IOException.class, () -> chunks.mapIn(tmpfs.directory));
        assertTrue(refused.getMessage().contains("No space left on device"), refused.getMessage());
        assertEquals(0, chunks.chunks());
        assertEquals(List.of(tmpfs.directory.resolve("taken")), files());
        assertEquals(3L << 20, usedBytes(), "the refused chunk's pages were given back");
    }

    private long usedBytes() throws IOException {
        return Files.getFileStore(tmpfs.directory).getTotalSpace() - Files.getFileStore(tmpfs.directory).getUsableSpace();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(tmpfs.directory)) {
            return listed.toList();
        }
    }

    private void fillUp() throws IOException {
        byte[] block = new byte[PAGE];
        try (OutputStream out = Files.newOutputStream(tmpfs.directory.resolve("hog"))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        }
    }
}
