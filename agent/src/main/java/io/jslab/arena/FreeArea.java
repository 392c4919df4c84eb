package io.jslab.arena;

import java.util.Arrays;

/**
 * The buddy bookkeeping of a {@link BuddyArena}: one free list per order and one metadata byte per
 * page, the kernel's {@code zone->free_area[]} and {@code PageBuddy}/{@code page_private}. Not
 * thread-safe: the arena calls it under its lock. No objects are created on the allocate or free
 * path: lists are threaded through {@code int} arrays indexed by page number.
 *
 * <pre>
 * page metadata byte (meta[page]), non-zero exactly on block heads:
 *
 *    7   6      5      4 .. 0
 *   [0][FREE][HEAD][ order  ]     HEAD: the page starts a block of 2^order pages
 *                                 FREE: that block is on free list [order]
 *
 * free lists, doubly linked through next[]/prev[] of each free block's head page (NIL = -1):
 *
 *   head[o] -> p1 <-> p2 <-> ... <-> pk     nrFree[o] = k;  bit o of nonEmpty set iff k > 0
 * </pre>
 *
 * <p>Lists are LIFO: a block is pushed on the front and taken from the front. The kernel does the
 * same ({@code add_to_free_list} and {@code get_page_from_free_area}), except that
 * {@code __free_one_page} may queue a block at the tail when its parent's buddy is free, a hint
 * for reusing memory that is likely to merge; this arena always pushes on the front.
 */
final class FreeArea {

    static final int NIL = -1;
    static final int HEAD = 0x20;
    static final int FREE = 0x40;
    static final int ORDER_MASK = 0x1f;

    private final int maxOrder;
    private final long maxPages;
    private final int[] head;
    private final int[] nrFree;
    private int nonEmpty;
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private byte[] meta = new byte[0];
    private int pages;
    private long freePages;

    FreeArea(int maxOrder, long maxPages) {
        this.maxOrder = maxOrder;
        this.maxPages = maxPages;
        this.head = new int[maxOrder + 1];
        this.nrFree = new int[maxOrder + 1];
        Arrays.fill(head, NIL);
    }

    /** Adds a chunk of {@code 2^maxOrder} pages after the last one, as one free block. */
    void addChunk() {
        int first = pages;
        int grown = first + (1 << maxOrder);
        if (grown > meta.length) {
            // Doubling keeps growth linear overall; the arrays never exceed the arena's maximum.
            int capacity = (int) Math.min(Math.max(2L * meta.length, grown), maxPages);
            next = Arrays.copyOf(next, capacity);
            prev = Arrays.copyOf(prev, capacity);
            meta = Arrays.copyOf(meta, capacity);
        }
        pages = grown;
        freePages += 1 << maxOrder;
        push(first, maxOrder);
    }

    /**
     * Takes a block of {@code 2^order} pages: the kernel's {@code __rmqueue_smallest} then
     * {@code expand}. Returns its first page, or {@link #NIL} when no free block is large enough.
     */
    int allocate(int order) {
        int candidates = nonEmpty >>> order;
        if (candidates == 0) {
            return NIL;
        }
        int high = order + Integer.numberOfTrailingZeros(candidates);
        int page = head[high];
        unlink(page, high);
        while (high > order) {
            high--;
            push(page + (1 << high), high);
        }
        meta[page] = (byte) (HEAD | order);
        freePages -= 1 << order;
        return page;
    }

    /**
     * Frees the allocated block whose head is {@code page} and merges it with its buddy while the
     * buddy is a free block of the same order: the kernel's {@code __free_one_page}.
     */
    void free(int page) {
        assert (meta[page] & (HEAD | FREE)) == HEAD : "page " + page + " is no allocated head: meta " + meta[page];
        int order = meta[page] & ORDER_MASK;
        freePages += 1 << order;
        meta[page] = 0;
        while (order < maxOrder) {
            int buddy = page ^ (1 << order);
            if (meta[buddy] != (byte) (HEAD | FREE | order)) {
                break;
            }
            unlink(buddy, order);
            meta[buddy] = 0;
            page &= buddy;
            order++;
        }
        push(page, order);
    }

    private void push(int page, int order) {
        assert (page & ((1 << order) - 1)) == 0 && page + (1 << order) <= pages
                : "block " + page + " of order " + order + " misaligned or beyond " + pages + " pages";
        int first = head[order];
        next[page] = first;
        prev[page] = NIL;
        if (first != NIL) {
            prev[first] = page;
        }
        head[order] = page;
        nonEmpty |= 1 << order;
        nrFree[order]++;
        meta[page] = (byte) (HEAD | FREE | order);
    }

    private void unlink(int page, int order) {
        assert meta[page] == (byte) (HEAD | FREE | order) : "block " + page + " is not free at order " + order;
        int after = next[page];
        int before = prev[page];
        if (before == NIL) {
            head[order] = after;
            if (after == NIL) {
                nonEmpty &= ~(1 << order);
            }
        } else {
            next[before] = after;
        }
        if (after != NIL) {
            prev[after] = before;
        }
        nrFree[order]--;
    }

    /**
     * The head page of the block that holds {@code page}, free or allocated. A block of order k
     * starts at a multiple of 2^k, so it is {@code page} rounded down to 2^k for the one k whose
     * head records order k. Only for error messages and validation; O(maxOrder).
     */
    int enclosingHead(int page) {
        for (int order = 0; order <= maxOrder; order++) {
            int candidate = page & -(1 << order);
            int bits = meta[candidate];
            if ((bits & HEAD) != 0 && (bits & ORDER_MASK) == order) {
                return candidate;
            }
        }
        throw new AssertionError("page " + page + " lies in no block");
    }

    int meta(int page) {
        return meta[page];
    }

    int pages() {
        return pages;
    }

    long freePages() {
        return freePages;
    }

    int nrFree(int order) {
        return nrFree[order];
    }

    int head(int order) {
        return head[order];
    }

    int next(int page) {
        return next[page];
    }

    int prev(int page) {
        return prev[page];
    }

    int nonEmpty() {
        return nonEmpty;
    }

    int maxOrder() {
        return maxOrder;
    }
}
