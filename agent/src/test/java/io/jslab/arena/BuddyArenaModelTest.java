package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random allocate/free sequences checked after every step against plain models:
 * <ul>
 *   <li>the allocated blocks as [start, start + pages) intervals: every answer is aligned to its
 *       size, inside the mapped pages and disjoint from every other allocated block, and free
 *       pages = total pages - allocated pages;</li>
 *   <li>the buddy rules written out again with plain collections (a stack of block starts per
 *       order): it predicts the exact address of every allocation, when the arena grows, when it
 *       answers NO_MEMORY, and the exact content and order of every free list;</li>
 *   <li>the allocator's own invariants ({@link ArenaValidator}) and a marker written into each
 *       block's first and last long, read back before the block is freed.</li>
 * </ul>
 */
class BuddyArenaModelTest {

    private static final int MAX_ORDER = 5;
    private static final int MAX_CHUNKS = 4;
    private static final int STEPS = 4000;

    @RegisterExtension
    final ArenaValidationExtension arenas = new ArenaValidationExtension();

    /** Allocated blocks: first page -> pages. */
    private final TreeMap<Integer, Integer> allocated = new TreeMap<>();
    private final List<Integer> starts = new ArrayList<>();
    /** Free blocks by order, most recently freed first. */
    private final List<ArrayDeque<Integer>> freeLists = new ArrayList<>();
    private int chunks;
    private long allocatedPages;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240917})
    void randomSequencesAgreeWithThePlainModels(long seed) {
        BuddyArena arena = arenas.open(MAX_ORDER, MAX_CHUNKS);
        for (int order = 0; order <= MAX_ORDER; order++) {
            freeLists.add(new ArrayDeque<>());
        }
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
            checkState(arena, where);
        }
        assertTrue(noMemory > 0, "the sequence reached the maximum at least once");
        assertEquals(noMemory, arena.stats().allocationFailures());
        while (!starts.isEmpty()) {
            freeAndCheck(arena, starts.get(starts.size() - 1), "seed " + seed + ", draining");
        }
        checkState(arena, "seed " + seed + ", drained");
        assertEquals(chunks, freeLists.get(MAX_ORDER).size(), "every chunk whole again");
    }

    /** Returns false when the arena answered NO_MEMORY, as the model must have predicted. */
    private boolean allocateAndCheck(BuddyArena arena, int order, String where) {
        int expected = modelAllocate(order);
        long address = arena.allocate(order);
        if (expected < 0) {
            assertEquals(BuddyArena.NO_MEMORY, address, where + ": the model has no block of order >= " + order);
            return false;
        }
        assertEquals(expected * 4096L, address, where + ": allocate(" + order + ")");
        int pages = 1 << order;
        Map.Entry<Integer, Integer> below = allocated.floorEntry(expected + pages - 1);
        assertTrue(below == null || below.getKey() + below.getValue() <= expected,
                where + ": [" + expected + ", " + (expected + pages) + ") overlaps the allocated " + below);
        allocated.put(expected, pages);
        starts.add(expected);
        allocatedPages += pages;
        arena.putLong(address, marker(expected, pages));
        arena.putLong(address + pages * 4096L - 8, ~marker(expected, pages));
        assertEquals(order, arena.orderOf(address), where);
        return true;
    }

    private void freeAndCheck(BuddyArena arena, int start, String where) {
        int pages = allocated.remove(start);
        starts.remove(Integer.valueOf(start));
        long address = start * 4096L;
        assertEquals(marker(start, pages), arena.getLong(address), where + ": first long of the block");
        assertEquals(~marker(start, pages), arena.getLong(address + pages * 4096L - 8), where + ": last long");
        arena.free(address);
        allocatedPages -= pages;
        modelFree(start, Integer.numberOfTrailingZeros(pages));
    }

    /** The smallest order with a free block, its most recent block, split keeping the low half. */
    private int modelAllocate(int order) {
        int from = order;
        while (from <= MAX_ORDER && freeLists.get(from).isEmpty()) {
            from++;
        }
        if (from > MAX_ORDER) {
            if (chunks == MAX_CHUNKS) {
                return -1;
            }
            freeLists.get(MAX_ORDER).push(chunks++ << MAX_ORDER);
            from = MAX_ORDER;
        }
        int start = freeLists.get(from).pop();
        while (from > order) {
            from--;
            freeLists.get(from).push(start + (1 << from));
        }
        return start;
    }

    /** Merges with the buddy while it is free at the same order, then pushes the result. */
    private void modelFree(int start, int order) {
        while (order < MAX_ORDER && freeLists.get(order).remove(start ^ (1 << order))) {
            start &= ~(1 << order);
            order++;
        }
        freeLists.get(order).push(start);
    }

    private void checkState(BuddyArena arena, String where) {
        ArenaStats stats = arena.stats();
        assertEquals(chunks, stats.chunks(), where + ": chunks");
        assertEquals(stats.totalPages() - allocatedPages, stats.freePages(), where + ": free pages");
        assertEquals(allocatedPages, ArenaValidator.allocatedPages(arena), where);
        List<List<Integer>> lists = new ArrayList<>();
        arena.inspect(area -> {
            for (int order = 0; order <= MAX_ORDER; order++) {
                List<Integer> list = new ArrayList<>();
                for (int page = area.head(order); page != FreeArea.NIL; page = area.next(page)) {
                    list.add(page);
                }
                lists.add(list);
            }
        });
        for (int order = 0; order <= MAX_ORDER; order++) {
            assertEquals(new ArrayList<>(freeLists.get(order)), lists.get(order), where + ": free list " + order);
        }
        ArenaValidator.validate(arena);
    }

    private static long marker(int start, int pages) {
        return (long) start << 32 | pages;
    }
}
