package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input is refused with its exact message and leaves the arena as it was (the validator runs
 * after each test). Arena: 4 KiB pages, max order 3, at most 2 chunks of 0x8000 bytes.
 */
class BuddyArenaMisuseTest {

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    private final BuddyArena arena = arenas.open(3, 2);

    @Test
    void anOrderOutOfRangeIsRefused() {
        assertRefused(IllegalArgumentException.class, "order -1: must be from 0 to 3", () -> arena.allocate(-1));
        assertRefused(IllegalArgumentException.class, "order 4: must be from 0 to 3", () -> arena.allocate(4));
        assertEquals(0, arena.stats().chunks(), "nothing was mapped for a refused request");
    }

    @Test
    void anAddressOutsideTheMappedChunksIsRefused() {
        assertRefused(IllegalArgumentException.class,
                "address 0x0: outside the arena's mapped memory [0x0, 0x0)", () -> arena.free(0));
        arena.allocate(0);
        assertRefused(IllegalArgumentException.class,
                "address 0x8000: outside the arena's mapped memory [0x0, 0x8000)", () -> arena.free(0x8000));
        assertRefused(IllegalArgumentException.class,
                "address 0xfffffffffffff000: outside the arena's mapped memory [0x0, 0x8000)",
                () -> arena.free(-0x1000));
        assertRefused(IllegalArgumentException.class,
                "address 0x8000: outside the arena's mapped memory [0x0, 0x8000)", () -> arena.orderOf(0x8000));
    }

    @Test
    void anAddressThatIsNotPageAlignedIsRefused() {
        arena.allocate(0);
        assertRefused(IllegalArgumentException.class,
                "address 0x10: not a block address (blocks start at multiples of the page size 4096)",
                () -> arena.free(0x10));
    }

    @Test
    void anAddressInsideAnAllocatedBlockIsRefused() {
        assertEquals(0, arena.allocate(2));
        assertRefused(IllegalArgumentException.class,
                "address 0x3000: not the start of a block (it lies inside the block at 0x0 of order 2)",
                () -> arena.free(0x3000));
        assertEquals(2, arena.orderOf(0), "the block is still allocated");
    }

    @Test
    void freeingABlockTwiceIsRefusedBeforeAndAfterItMerged() {
        long a = arena.allocate(0);
        long b = arena.allocate(0);
        arena.free(a);
        long[] before = arena.stats().freeBlocks();
        assertRefused(IllegalStateException.class, "address 0x0: block already free", () -> arena.free(a));
        assertArrayEquals(before, arena.stats().freeBlocks());

        arena.free(b); // merges: b's page is now inside the free chunk at 0
        assertArrayEquals(new long[] {0, 0, 0, 1}, arena.stats().freeBlocks());
        assertRefused(IllegalStateException.class, "address 0x1000: block already free", () -> arena.free(b));
        assertRefused(IllegalStateException.class, "address 0x0: block already free", () -> arena.free(a));
        assertArrayEquals(new long[] {0, 0, 0, 1}, arena.stats().freeBlocks());
    }

    @Test
    void orderOfReportsAllocatedBlocksAndRefusesFreeOnes() {
        assertEquals(0, arena.allocate(1));
        assertEquals(0x4000, arena.allocate(2));
        assertEquals(1, arena.orderOf(0));
        assertEquals(2, arena.orderOf(0x4000));
        assertRefused(IllegalStateException.class, "address 0x2000: block is free", () -> arena.orderOf(0x2000));
    }

    @Test
    void aClosedArenaRefusesEveryUse() {
        arena.allocate(0);
        arena.close();
        arena.close();
        assertRefused(IllegalStateException.class, "arena closed", () -> arena.allocate(0));
        assertRefused(IllegalStateException.class, "arena closed", () -> arena.free(0));
        assertRefused(IllegalStateException.class, "arena closed", () -> arena.orderOf(0));
        assertRefused(IllegalStateException.class, "arena closed", arena::stats);
        assertRefused(IllegalStateException.class, "arena closed", () -> arena.getLong(0));
        assertRefused(IllegalStateException.class, "arena closed", () -> arena.putLong(0, 1));
        assertEquals(3, arena.config().maxOrder());
    }

    private static void assertRefused(Class<? extends RuntimeException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }
}
