package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kernel's indices ({@code mm/vmstat.c}) for arena states worked out by hand. Notation per
 * requested order o: F = free pages, T = free blocks in all, S = suitable blocks
 * (sum over j >= o of nrFree[j] << (j - o)). All divisions truncate, as the kernel's.
 *
 * <pre>
 * unusable(o) = F == 0 ? 1000 : (F - (S << o)) * 1000 / F
 * frag(o)     = T == 0 ? 0 : S > 0 ? -1000 : 1000 - (1000 + F * 1000 / 2^o) / T
 * </pre>
 */
class FragmentationIndexTest {

    private static final long PAGE = 0x1000;

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    @Test
    void anArenaWithNoChunksHasNoFreePages() {
        // F = 0, T = 0: unusable 1000 for every order, fragmentation 0.
        BuddyArena arena = arenas.open(3, 1);
        assertIndices(arena, new double[] {1, 1, 1, 1}, new double[] {0, 0, 0, 0});
    }

    @Test
    void aFullArenaHasNoFreePages() {
        BuddyArena arena = arenas.open(3, 1);
        arena.allocate(3);
        assertIndices(arena, new double[] {1, 1, 1, 1}, new double[] {0, 0, 0, 0});
    }

    @Test
    void aWholeFreeChunkServesEveryOrder() {
        // free blocks [0,0,0,1]: F = 8, T = 1, S << o = 8 for every o: unusable 0, frag -1000.
        BuddyArena arena = arenas.open(3, 1);
        arena.free(arena.allocate(0));
        assertIndices(arena, new double[] {0, 0, 0, 0}, new double[] {-1, -1, -1, -1});
    }

    @Test
    void oneSplitLeavesAStaircaseOfFreeBlocks() {
        // free blocks [1,1,1,0]: F = 7, T = 3.
        // unusable: o0: S = 7, (7 - 7) * 1000 / 7 = 0;  o1: S = 3, (7 - 6) * 1000 / 7 = 142;
        //           o2: S = 1, (7 - 4) * 1000 / 7 = 428; o3: S = 0, 7000 / 7 = 1000.
        // frag o3: 1000 - (1000 + 7000 / 8) / 3 = 1000 - (1000 + 875) / 3 = 1000 - 625 = 375.
        BuddyArena arena = arenas.open(3, 1);
        arena.allocate(0);
        assertIndices(arena, new double[] {0, 0.142, 0.428, 1}, new double[] {-1, -1, -1, 0.375});
    }

    @Test
    void everyOtherPageFreeIsFragmentedForEveryLargerOrder() {
        // pages 0, 2, 4, 6 free: free blocks [4,0,0,0]: F = 4, T = 4.
        // unusable: o0: 0; o1..o3: S = 0, 4000 / 4 = 1000.
        // frag: o1: 1000 - (1000 + 4000 / 2) / 4 = 1000 - 750 = 250;
        //       o2: 1000 - (1000 + 4000 / 4) / 4 = 1000 - 500 = 500;
        //       o3: 1000 - (1000 + 4000 / 8) / 4 = 1000 - 375 = 625.
        BuddyArena arena = arenas.open(3, 1);
        for (int i = 0; i < 8; i++) {
            arena.allocate(0);
        }
        for (int i = 0; i < 8; i += 2) {
            arena.free(i * PAGE);
        }
        assertIndices(arena, new double[] {0, 1, 1, 1}, new double[] {-1, 0.25, 0.5, 0.625});
    }

    @Test
    void truncationFollowsTheKernelsIntegerDivisions() {
        // Max order 4: pages 0, 2, 4 free and pages 8..15 merged: free blocks [3,0,0,1,0]: F = 11, T = 4.
        // unusable: o0: 0; o1: S = 4, (11 - 8) * 1000 / 11 = 3000 / 11 = 272 (272.7);
        //           o2: S = 2, 272; o3: S = 1, 272; o4: S = 0, 1000.
        // frag o4: 11000 / 16 = 687 (687.5); (1000 + 687) / 4 = 421 (421.75); 1000 - 421 = 579.
        BuddyArena arena = arenas.open(4, 1);
        for (int i = 0; i < 16; i++) {
            arena.allocate(0);
        }
        for (int i : new int[] {0, 2, 4, 8, 9, 10, 11, 12, 13, 14, 15}) {
            arena.free(i * PAGE);
        }
        assertArrayEquals(new long[] {3, 0, 0, 1, 0}, arena.stats().freeBlocks());
        assertIndices(arena, new double[] {0, 0.272, 0.272, 0.272, 1}, new double[] {-1, -1, -1, -1, 0.579});
    }

    private static void assertIndices(BuddyArena arena, double[] unusable, double[] fragmentation) {
        ArenaStats stats = arena.stats();
        assertArrayEquals(unusable, stats.unusableIndex(), "unusable free index");
        assertArrayEquals(fragmentation, stats.fragmentationIndex(), "fragmentation index");
    }
}
