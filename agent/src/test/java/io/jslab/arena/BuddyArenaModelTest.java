package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random allocate/free sequences checked after every step against a plain model: the
 * allocated blocks as [start, start + length) page intervals, and the free pages left. Each step
 * also checks the allocator's own invariants ({@link ArenaValidator}) and the exact change of the
 * free-block counts that a buddy allocation must make.
 */
class BuddyArenaModelTest {

    private static final int MAX_ORDER = 5;
    private static final int MAX_CHUNKS = 4;
    private static final int STEPS = 4000;

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    /** Allocated blocks: first page -> pages. */
    private final TreeMap<Integer, Integer> model = new TreeMap<>();
    private final List<Integer> starts = new ArrayList<>();
    private long allocatedPages;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240917})
    void randomSequencesAgreeWithThePlainModel(long seed) {
        BuddyArena arena = arenas.open(MAX_ORDER, MAX_CHUNKS);
        Random random = new Random(seed);
        int noMemory = 0;
        for (int step = 0; step < STEPS; step++) {
            // Phases that lean to allocation and to freeing, so the arena fills up and drains.
            boolean filling = (step / 500) % 2 == 0;
            boolean allocate = starts.isEmpty() || random.nextInt(100) < (filling ? 70 : 35);
            String where = "seed " + seed + ", step " + step;
            if (allocate) {
                int order = random.nextInt(4) == 0 ? random.nextInt(MAX_ORDER + 1) : random.nextInt(2);
                if (!allocateAndCheck(arena, order, where)) {
                    noMemory++;
                }
            } else {
                freeAndCheck(arena, starts.get(random.nextInt(starts.size())), where);
            }
            ArenaStats stats = arena.stats();
            assertEquals(stats.totalPages() - allocatedPages, stats.freePages(), where);
            assertEquals(allocatedPages, ArenaValidator.allocatedPages(arena), where);
            ArenaValidator.validate(arena);
        }
        assertTrue(noMemory > 0, "the sequence reached the maximum at least once");
        assertEquals(noMemory, arena.stats().allocationFailures());
        while (!starts.isEmpty()) {
            freeAndCheck(arena, starts.get(starts.size() - 1), "seed " + seed + ", draining");
        }
        ArenaStats stats = arena.stats();
        assertEquals(stats.totalPages(), stats.freePages());
        long[] whole = new long[MAX_ORDER + 1];
        whole[MAX_ORDER] = stats.chunks();
        assertEquals(Arrays.toString(whole), Arrays.toString(stats.freeBlocks()));
    }

    /** Returns false when the arena answered NO_MEMORY, which the model must agree with. */
    private boolean allocateAndCheck(BuddyArena arena, int order, String where) {
        ArenaStats before = arena.stats();
        long[] expected = before.freeBlocks();
        int from = order;
        while (from <= MAX_ORDER && expected[from] == 0) {
            from++;
        }
        long address = arena.allocate(order);
        ArenaStats after = arena.stats();
        if (address == BuddyArena.NO_MEMORY) {
            assertEquals(MAX_CHUNKS, before.chunks(), where + ": NO_MEMORY before the arena was at its maximum");
            assertEquals(MAX_ORDER + 1, from, where + ": NO_MEMORY although a block of order >= " + order + " was free");
            return false;
        }
        int pages = 1 << order;
        int start = Math.toIntExact(address / 4096);
        assertEquals(0, address % (4096L << order), where + ": block not aligned to its size");
        if (from > MAX_ORDER) {
            assertEquals(before.chunks() + 1, after.chunks(), where + ": grew");
            expected[MAX_ORDER] = 1;
            from = MAX_ORDER;
        } else {
            assertEquals(before.chunks(), after.chunks(), where + ": grew although a block fitted");
        }
        expected[from]--;
        for (int o = order; o < from; o++) {
            expected[o]++;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(after.freeBlocks()),
                where + ": a split of an order-" + from + " block for order " + order);
        assertTrue(start + pages <= after.totalPages(), where + ": beyond the mapped pages");
        Map.Entry<Integer, Integer> below = model.floorEntry(start + pages - 1);
        assertTrue(below == null || below.getKey() + below.getValue() <= start,
                where + ": [" + start + ", " + (start + pages) + ") overlaps the allocated " + below);
        model.put(start, pages);
        starts.add(start);
        allocatedPages += pages;
        arena.putLong(address, marker(start, pages));
        arena.putLong(address + pages * 4096L - 8, ~marker(start, pages));
        assertEquals(order, arena.orderOf(address), where);
        return true;
    }

    private void freeAndCheck(BuddyArena arena, int start, String where) {
        int pages = model.remove(start);
        starts.remove(Integer.valueOf(start));
        long address = start * 4096L;
        assertEquals(marker(start, pages), arena.getLong(address), where + ": first long of the block");
        assertEquals(~marker(start, pages), arena.getLong(address + pages * 4096L - 8), where + ": last long");
        arena.free(address);
        allocatedPages -= pages;
    }

    private static long marker(int start, int pages) {
        return (long) start << 32 | pages;
    }
}
