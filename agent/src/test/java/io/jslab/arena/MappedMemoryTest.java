package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** getLong/putLong over the mapped chunks. Arena: 4 KiB pages, max order 3 (chunks of 0x8000). */
class MappedMemoryTest {

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    private final BuddyArena arena = arenas.open(3, 2);

    @Test
    void longsWrittenAreReadBackInEveryChunk() {
        assertEquals(0, arena.allocate(3));
        assertEquals(0x8000, arena.allocate(3));
        long[] addresses = {0, 8, 0x7ff8, 0x8000, 0x8008, 0xfff8};
        for (long address : addresses) {
            assertEquals(0, arena.getLong(address), "a new chunk reads zero at 0x" + Long.toHexString(address));
            arena.putLong(address, 0x0123456789abcdefL ^ address);
        }
        for (long address : addresses) {
            assertEquals(0x0123456789abcdefL ^ address, arena.getLong(address));
        }
    }

    @Test
    void memoryKeepsItsContentAcrossFreeAndReallocation() {
        long block = arena.allocate(0);
        arena.putLong(block + 16, -7L);
        arena.free(block);
        assertEquals(block, arena.allocate(0));
        assertEquals(-7L, arena.getLong(block + 16));
    }

    @Test
    void unalignedOrUnmappedAccessIsRefused() {
        arena.allocate(0);
        assertRefused("address 0x4: not 8-byte aligned (a long is read and written at multiples of 8)",
                () -> arena.getLong(4));
        assertRefused("address 0x7fff: not 8-byte aligned (a long is read and written at multiples of 8)",
                () -> arena.putLong(0x7fff, 1));
        assertRefused("address 0x8000: outside the arena's mapped memory [0x0, 0x8000)", () -> arena.getLong(0x8000));
        assertRefused("address 0xfffffffffffffff8: outside the arena's mapped memory [0x0, 0x8000)",
                () -> arena.putLong(-8, 1));
    }

    @Test
    void chunksAreMappedFromFilesDeletedRightAfterMapping() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "needs Linux /proc");
        BuddyArena wide = arenas.open(new ArenaConfig(65536, 5, 65536L << 5));
        long before = arenaMappings(maps).stream().filter(line -> line.contains("(deleted)")).count();
        wide.allocate(0);
        List<String> mappings = arenaMappings(maps);
        assertEquals(before + 1, mappings.stream().filter(line -> line.contains("(deleted)")).count(),
                "one more deleted arena file mapped: " + mappings);
        assertTrue(mappings.stream().allMatch(line -> line.endsWith("(deleted)")),
                "no arena file is left with a name: " + mappings);
    }

    @Test
    void chunksGoToTheFirstDirectoryThatCanHoldThem(@TempDir Path directory) {
        BuddyArena spilling = arenas.open(new ArenaConfig(4096, 3, 0x10000),
                List.of(directory.resolve("missing"), directory));
        assertEquals(0, spilling.allocate(3));
        spilling.putLong(0x7ff8, 42);
        assertEquals(42, spilling.getLong(0x7ff8));
    }

    @Test
    void whenNoDirectoryCanTakeAChunkTheArenaCannotGrowAndAllocationFails(@TempDir Path directory) {
        BuddyArena stuck = arenas.open(new ArenaConfig(4096, 3, 0x10000), List.of(directory.resolve("missing")));
        AtomicInteger reclaims = new AtomicInteger();
        stuck.setReclaimer(() -> {
            reclaims.incrementAndGet();
            return 0;
        });
        assertEquals(BuddyArena.NO_MEMORY, stuck.allocate(0));
        assertEquals(1, reclaims.get());
        assertEquals(1, stuck.stats().allocationFailures());
        assertEquals(0, stuck.stats().chunks());
    }

    /** Lines of /proc/self/maps for arena files of 2 MiB (this test's chunk size, used by no other test). */
    private static List<String> arenaMappings(Path maps) throws IOException {
        return Files.readAllLines(maps).stream()
                .filter(line -> line.contains("jslab-arena-"))
                .filter(line -> {
                    String[] range = line.substring(0, line.indexOf(' ')).split("-");
                    return Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16) == 65536L << 5;
                })
                .collect(Collectors.toList());
    }

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
