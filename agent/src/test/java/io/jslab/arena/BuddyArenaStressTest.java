package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Threads allocate and free random orders at once; each writes its own marker into every page of
 * its blocks and checks them all before freeing, so a block handed out twice (or memory freed under
 * a holder) shows as a foreign marker. Length and threads from the system properties
 * {@code jslab.stress.seconds} (default 2) and {@code jslab.stress.threads} (default 4).
 */
class BuddyArenaStressTest {

    private static final int MAX_ORDER = 6;
    private static final int MAX_CHUNKS = 3;
    private static final int PAGE = 4096;
    private static final int HELD_AT_MOST = 24;

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    @Test
    void concurrentThreadsNeverShareABlockAndEverythingCoalescesAtTheEnd() throws Exception {
        long seconds = Long.getLong("jslab.stress.seconds", 2);
        int threads = Integer.getInteger("jslab.stress.threads", 4);
        BuddyArena arena = arenas.open(MAX_ORDER, MAX_CHUNKS);
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t + 1;
                results.add(pool.submit(() -> churn(arena, id, start, deadline)));
            }
            start.countDown();
            long allocations = 0;
            long refused = 0;
            for (Future<long[]> result : results) {
                long[] counts = result.get(seconds + 60, TimeUnit.SECONDS);
                allocations += counts[0];
                refused += counts[1];
            }
            assertTrue(allocations > 0, "the threads allocated");
            assertTrue(refused > 0, "the arena never ran out: the failure count was not tested");
            ArenaStats stats = arena.stats();
            assertEquals(refused, stats.allocationFailures(), "every NO_MEMORY was counted once");
            assertEquals(stats.totalPages(), stats.freePages(), "all pages free at the end");
            long[] whole = new long[MAX_ORDER + 1];
            whole[MAX_ORDER] = stats.chunks();
            assertArrayEquals(whole, stats.freeBlocks(), "fully coalesced into whole chunks");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns {allocations, NO_MEMORY answers}. */
    private static long[] churn(BuddyArena arena, int id, CountDownLatch start, long deadline)
            throws InterruptedException {
        SplittableRandom random = new SplittableRandom(id);
        long[] held = new long[HELD_AT_MOST];
        long[] markers = new long[HELD_AT_MOST];
        int count = 0;
        long allocations = 0;
        long refused = 0;
        long sequence = 0;
        start.await();
        while (System.nanoTime() < deadline) {
            if (count < HELD_AT_MOST && (count == 0 || random.nextInt(100) < 55)) {
                int order = random.nextInt(8) == 0 ? random.nextInt(MAX_ORDER + 1) : random.nextInt(3);
                long address = arena.allocate(order);
                if (address == BuddyArena.NO_MEMORY) {
                    refused++;
                    continue;
                }
                long marker = (long) id << 48 | ++sequence;
                for (long page = address; page < address + ((long) PAGE << order); page += PAGE) {
                    arena.putLong(page, marker);
                }
                held[count] = address;
                markers[count++] = marker;
                allocations++;
            } else {
                int victim = random.nextInt(count);
                checkAndFree(arena, held[victim], markers[victim]);
                held[victim] = held[--count];
                markers[victim] = markers[count];
            }
        }
        while (count > 0) {
            count--;
            checkAndFree(arena, held[count], markers[count]);
        }
        return new long[] {allocations, refused};
    }

    private static void checkAndFree(BuddyArena arena, long address, long marker) {
        int order = arena.orderOf(address);
        for (long page = address; page < address + ((long) PAGE << order); page += PAGE) {
            long found = arena.getLong(page);
            if (found != marker) {
                throw new AssertionError(String.format("page 0x%x of the block at 0x%x: marker %x, expected %x",
                        page, address, found, marker));
            }
        }
        arena.free(address);
    }
}
