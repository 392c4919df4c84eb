package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Splitting, growth chunk by chunk, and what happens at the maximum. Arena: 4 KiB pages, max
 * order 3 (8-page chunks of 0x8000 bytes); free-block counts read [order 0, 1, 2, 3].
 */
class BuddyArenaGrowthTest {

    private static final long PAGE = 0x1000;
    private static final long CHUNK = 0x8000;

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    @Test
    void aNewArenaMapsNothingUntilItsFirstAllocation() {
        BuddyArena arena = arenas.open(3, 2);
        ArenaStats stats = arena.stats();
        assertEquals(0, stats.chunks());
        assertEquals(2, stats.maxChunks());
        assertEquals(0, stats.totalPages());
        assertEquals(0, stats.freePages());
        assertArrayEquals(new long[] {0, 0, 0, 0}, stats.freeBlocks());
    }

    @Test
    void eachSplitKeepsTheLowHalfAndFreesTheHighHalves() {
        BuddyArena arena = arenas.open(3, 2);
        assertEquals(0, arena.allocate(0));
        assertStats(arena, 1, 7, 1, 1, 1, 0);
        assertEquals(2 * PAGE, arena.allocate(1), "the order-1 block [2,4) left by the first split");
        assertStats(arena, 1, 5, 1, 0, 1, 0);
        assertEquals(4 * PAGE, arena.allocate(2));
        assertStats(arena, 1, 1, 1, 0, 0, 0);
        assertEquals(PAGE, arena.allocate(0));
        assertStats(arena, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void aSecondChunkIsMappedExactlyWhenNoBlockFits() {
        BuddyArena arena = arenas.open(3, 2);
        List<Integer> growth = new ArrayList<>();
        arena.addGrowthListener(growth::add);
        assertEquals(0, arena.allocate(2));
        assertEquals(List.of(1), growth);
        assertEquals(4 * PAGE, arena.allocate(1));
        assertEquals(6 * PAGE, arena.allocate(0));
        assertStats(arena, 1, 1, 1, 0, 0, 0);
        assertEquals(List.of(1), growth, "an order-0 block is still free: no growth");

        assertEquals(CHUNK, arena.allocate(1), "no order-1 block left: chunk 1 is mapped and split");
        assertEquals(List.of(1, 2), growth);
        assertStats(arena, 2, 7, 1, 1, 1, 0);
        assertEquals(16, arena.stats().totalPages());
    }

    @Test
    void atTheMaximumAllocationReturnsNoMemoryAndCountsEachFailure() {
        BuddyArena arena = arenas.open(3, 2);
        assertEquals(0, arena.allocate(3));
        assertEquals(CHUNK, arena.allocate(3));
        assertEquals(BuddyArena.NO_MEMORY, arena.allocate(0));
        assertEquals(1, arena.stats().allocationFailures());
        assertEquals(BuddyArena.NO_MEMORY, arena.allocate(3));
        assertEquals(2, arena.stats().allocationFailures());
        assertStats(arena, 2, 0, 0, 0, 0, 0);

        arena.free(CHUNK);
        assertEquals(CHUNK, arena.allocate(0), "freed memory serves the next request");
        assertEquals(2, arena.stats().allocationFailures());
    }

    @Test
    void growsChunkByChunkUpToManyChunks() {
        BuddyArena arena = arenas.open(3, 20);
        for (int i = 0; i < 20; i++) {
            assertEquals(i * CHUNK, arena.allocate(3));
            assertEquals(i + 1, arena.stats().chunks());
        }
        assertEquals(BuddyArena.NO_MEMORY, arena.allocate(3));
        for (int i = 0; i < 20; i++) {
            arena.free(i * CHUNK);
        }
        assertArrayEquals(new long[] {0, 0, 0, 20}, arena.stats().freeBlocks(),
                "whole chunks never merge across chunk boundaries");
        assertEquals(160, arena.stats().freePages());
    }

    @Test
    void theReclaimerIsCalledOnceWithoutTheLockAndWhatItFreesServesTheRetry() {
        BuddyArena arena = arenas.open(3, 1);
        assertEquals(0, arena.allocate(3));
        AtomicInteger calls = new AtomicInteger();
        arena.setReclaimer(() -> {
            calls.incrementAndGet();
            // Freed from another thread: this would block, and time out, if the lock were held.
            CompletableFuture.runAsync(() -> arena.free(0)).orTimeout(10, TimeUnit.SECONDS).join();
            return 8;
        });
        assertEquals(0, arena.allocate(1));
        assertEquals(1, calls.get());
        assertEquals(0, arena.stats().allocationFailures());
        assertStats(arena, 1, 6, 0, 1, 1, 0);
    }

    @Test
    void aReclaimerThatGivesNothingBackIsAskedOncePerFailedAllocation() {
        BuddyArena arena = arenas.open(3, 1);
        assertEquals(0, arena.allocate(3));
        AtomicInteger calls = new AtomicInteger();
        arena.setReclaimer(() -> {
            calls.incrementAndGet();
            return 0;
        });
        assertEquals(BuddyArena.NO_MEMORY, arena.allocate(0));
        assertEquals(1, calls.get());
        assertEquals(1, arena.stats().allocationFailures());
        assertEquals(BuddyArena.NO_MEMORY, arena.allocate(2));
        assertEquals(2, calls.get());
        assertEquals(2, arena.stats().allocationFailures());
    }

    @Test
    void aReclaimerThatThrowsCountsAsNothingGivenBack() {
        BuddyArena arena = arenas.open(3, 1);
        assertEquals(0, arena.allocate(3));
        arena.setReclaimer(() -> {
            throw new IllegalStateException("reclaimer failure");
        });
        assertEquals(BuddyArena.NO_MEMORY, arena.allocate(0));
        assertEquals(1, arena.stats().allocationFailures());
    }

    @Test
    void theReclaimerIsNotAskedWhileTheArenaCanStillGrow() {
        BuddyArena arena = arenas.open(3, 2);
        AtomicInteger calls = new AtomicInteger();
        arena.setReclaimer(() -> {
            calls.incrementAndGet();
            return 0;
        });
        assertEquals(0, arena.allocate(3));
        assertEquals(CHUNK, arena.allocate(3));
        assertEquals(0, calls.get());
    }

    @Test
    void growthListenersRunWithoutTheLockAndSeeTheNewChunkCount() {
        BuddyArena arena = arenas.open(3, 3);
        List<Integer> seenByStats = new ArrayList<>();
        arena.addGrowthListener(chunks -> seenByStats.add(CompletableFuture.supplyAsync(
                () -> arena.stats().chunks()).orTimeout(10, TimeUnit.SECONDS).join()));
        arena.addGrowthListener(chunks -> {
            throw new IllegalStateException("listener failure");
        });
        assertEquals(0, arena.allocate(3));
        assertEquals(CHUNK, arena.allocate(3));
        assertEquals(List.of(1, 2), seenByStats);
    }

    private static void assertStats(BuddyArena arena, int chunks, long freePages, long... freeBlocks) {
        ArenaStats stats = arena.stats();
        assertEquals(chunks, stats.chunks(), "chunks");
        assertEquals(freePages, stats.freePages(), "free pages");
        assertArrayEquals(freeBlocks, stats.freeBlocks(), "free blocks by order");
    }
}
