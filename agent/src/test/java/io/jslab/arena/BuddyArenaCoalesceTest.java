package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coalescing proved by exact addresses. Arena: 4 KiB pages (0x1000), max order 3, so a chunk is
 * 8 pages (0x8000) and the free-block counts read [order 0, 1, 2, 3].
 */
class BuddyArenaCoalesceTest {

    private static final long PAGE = 0x1000;

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    private final BuddyArena arena = arenas.open(3, 2);

    @Test
    void fourPagesFreedInAnyOrderCoalesceBackIntoTheWholeChunk() {
        long a = arena.allocate(0);
        long b = arena.allocate(0);
        long c = arena.allocate(0);
        long d = arena.allocate(0);
        assertArrayEquals(new long[] {0, PAGE, 2 * PAGE, 3 * PAGE}, new long[] {a, b, c, d});
        assertFreeBlocks(0, 0, 1, 0);

        arena.free(b); // buddy a allocated: stays order 0
        assertFreeBlocks(1, 0, 1, 0);
        arena.free(c); // buddy d allocated: stays order 0
        assertFreeBlocks(2, 0, 1, 0);
        arena.free(a); // merges with b into the order-1 block at 0; its buddy [2,4) is not order 1
        assertFreeBlocks(1, 1, 1, 0);

        assertEquals(0, arena.allocate(1), "the merged a+b block is the only order-1 block");
        arena.free(0);
        assertFreeBlocks(1, 1, 1, 0);

        arena.free(d); // d+c -> order 1 at 2, + [0,2) -> order 2 at 0, + [4,8) -> order 3 at 0
        assertFreeBlocks(0, 0, 0, 1);
        assertEquals(0, arena.allocate(3));
    }

    @Test
    void freeingTheHighBuddyFirstMergesDownToTheLowAddress() {
        long a = arena.allocate(1);
        long b = arena.allocate(1);
        assertEquals(0, a);
        assertEquals(2 * PAGE, b);
        arena.free(b);
        assertFreeBlocks(0, 1, 1, 0);
        arena.free(a);
        assertFreeBlocks(0, 0, 0, 1);
        assertEquals(0, arena.allocate(2), "the whole chunk is split again from its start");
        assertFreeBlocks(0, 0, 1, 0);
        assertEquals(4 * PAGE, arena.allocate(2));
    }

    @Test
    void blocksDoNotMergeWithANeighbourThatIsNotTheirBuddy() {
        long[] pages = new long[8];
        for (int i = 0; i < 8; i++) {
            pages[i] = arena.allocate(0);
            assertEquals(i * PAGE, pages[i]);
        }
        arena.free(pages[1]); // pages 1 and 2 are neighbours but not buddies (1 ^ 1 = 0, 2 ^ 1 = 3)
        arena.free(pages[2]);
        assertFreeBlocks(2, 0, 0, 0);
        arena.free(pages[3]); // 3 merges with its buddy 2 into [2,4)
        assertFreeBlocks(1, 1, 0, 0);
        arena.free(pages[0]); // 0+1 -> [0,2), + [2,4) -> [0,4)
        assertFreeBlocks(0, 0, 1, 0);
        assertEquals(0, arena.allocate(2));
    }

    @Test
    void freeListsAreLastInFirstOut() {
        for (int i = 0; i < 8; i++) {
            arena.allocate(0);
        }
        arena.free(5 * PAGE);
        arena.free(2 * PAGE);
        arena.free(7 * PAGE);
        assertFreeBlocks(3, 0, 0, 0);
        assertEquals(7 * PAGE, arena.allocate(0));
        assertEquals(2 * PAGE, arena.allocate(0));
        assertEquals(5 * PAGE, arena.allocate(0));
        for (int i = 0; i < 8; i++) {
            arena.free(i * PAGE);
        }
        assertFreeBlocks(0, 0, 0, 1);
    }

    private void assertFreeBlocks(long... expected) {
        assertArrayEquals(expected, arena.stats().freeBlocks());
    }
}
