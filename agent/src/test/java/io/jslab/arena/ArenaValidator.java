package io.jslab.arena;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks every invariant of a {@link BuddyArena}'s bookkeeping under its lock, and fails with an
 * {@link AssertionError} listing what is wrong:
 * <ul>
 *   <li>each free list is well linked (prev/next agree, no cycle), holds only FREE heads of its
 *       order at pfns aligned to the order, and its length is {@code nrFree[order]};</li>
 *   <li>free blocks are disjoint, and no free block's buddy is a free block of the same order
 *       (fully coalesced);</li>
 *   <li>the page metadata tiles every mapped page with blocks: a head at each block's first page,
 *       zero inside, every FREE head on its list and no other block on any list;</li>
 *   <li>allocated + free pages = total pages = chunks * 2^maxOrder; free pages agree with the
 *       counter; the non-empty mask agrees with the lists.</li>
 * </ul>
 * Public so that tests of other packages (the slab layer) can validate the arena under them.
 */
public final class ArenaValidator {

    private static final int MAX_REPORTED = 20;

    private ArenaValidator() {
    }

    /** Validates {@code arena}; a closed arena has nothing left to check. */
    public static void validate(BuddyArena arena) {
        if (arena.isClosed()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        arena.inspect(area -> check(area, problems));
        if (!problems.isEmpty()) {
            throw new AssertionError("arena invariants broken:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(problems.size(), MAX_REPORTED))));
        }
    }

    /** Pages in allocated blocks: total minus free (for tests that compare with a model). */
    public static long allocatedPages(BuddyArena arena) {
        long[] allocated = new long[1];
        arena.inspect(area -> allocated[0] = area.pages() - area.freePages());
        return allocated[0];
    }

    private static void check(FreeArea area, List<String> problems) {
        int pages = area.pages();
        int maxOrder = area.maxOrder();
        BitSet listed = new BitSet(pages);
        long listedPages = checkLists(area, listed, problems);
        long allocatedPages = 0;
        long freePages = 0;
        int page = 0;
        while (page < pages && problems.size() < MAX_REPORTED) {
            int bits = area.meta(page);
            if ((bits & FreeArea.HEAD) == 0) {
                problems.add("page " + page + ": expected a block head, meta " + Integer.toHexString(bits));
                return;
            }
            int order = bits & FreeArea.ORDER_MASK;
            int size = 1 << order;
            if (order > maxOrder || (page & (size - 1)) != 0 || page + size > pages) {
                problems.add("page " + page + ": order " + order + " block misaligned or beyond " + pages);
                return;
            }
            for (int inner = page + 1; inner < page + size; inner++) {
                if (area.meta(inner) != 0) {
                    problems.add("page " + inner + ": inside the block at " + page + " of order " + order
                            + " but meta " + Integer.toHexString(area.meta(inner)));
                }
            }
            boolean free = (bits & FreeArea.FREE) != 0;
            if (free != listed.get(page)) {
                problems.add("page " + page + ": " + (free ? "FREE head missing from" : "allocated head on")
                        + " a free list");
            }
            if (free) {
                freePages += size;
            } else {
                allocatedPages += size;
            }
            page += size;
        }
        if (freePages != listedPages || freePages != area.freePages()) {
            problems.add("free pages: " + freePages + " by metadata, " + listedPages + " on the lists, "
                    + area.freePages() + " counted");
        }
        if (allocatedPages + freePages != pages || pages % (1 << maxOrder) != 0) {
            problems.add("pages: " + allocatedPages + " allocated + " + freePages + " free != " + pages
                    + " total (chunks of " + (1 << maxOrder) + ")");
        }
    }

    /** Walks every free list; marks list heads in {@code listed}; returns the pages they hold. */
    private static long checkLists(FreeArea area, BitSet listed, List<String> problems) {
        int pages = area.pages();
        BitSet covered = new BitSet(pages);
        long total = 0;
        for (int order = 0; order <= area.maxOrder(); order++) {
            int size = 1 << order;
            int count = 0;
            int before = FreeArea.NIL;
            for (int p = area.head(order); p != FreeArea.NIL; p = area.next(p)) {
                String where = "free list " + order + ", block " + p + ": ";
                if (p < 0 || p >= pages || count > pages) {
                    problems.add(where + "outside the " + pages + " pages or the list has a cycle");
                    return total;
                }
                if (area.prev(p) != before) {
                    problems.add(where + "prev is " + area.prev(p) + ", expected " + before);
                }
                if (area.meta(p) != (FreeArea.HEAD | FreeArea.FREE | order) || (p & (size - 1)) != 0) {
                    problems.add(where + "meta " + Integer.toHexString(area.meta(p)) + " or alignment wrong");
                }
                if (covered.get(p, p + size).cardinality() != 0) {
                    problems.add(where + "overlaps another free block");
                }
                covered.set(p, p + size);
                listed.set(p);
                int buddy = p ^ size;
                if (order < area.maxOrder() && area.meta(buddy) == (FreeArea.HEAD | FreeArea.FREE | order)) {
                    problems.add(where + "its buddy " + buddy + " is free at the same order: not coalesced");
                }
                total += size;
                count++;
                before = p;
            }
            if (count != area.nrFree(order)) {
                problems.add("free list " + order + ": " + count + " blocks, nrFree says " + area.nrFree(order));
            }
            if ((count > 0) != ((area.nonEmpty() & (1 << order)) != 0)) {
                problems.add("free list " + order + ": non-empty mask disagrees with " + count + " blocks");
            }
        }
        return total;
    }
}
