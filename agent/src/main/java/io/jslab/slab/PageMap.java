package io.jslab.slab;

/**
 * Arena page to slab, the role of {@code virt_to_slab()} in the kernel (which reads it from the
 * page's {@code struct page}): a two-level table, chunk then page within the chunk.
 *
 * <pre>
 *   address:  | chunk (address &gt;&gt; chunkShift) | page in chunk | byte in page |
 *                                              \ maxOrder bits / \ pageShift bits /
 *   table[chunk][page] = the slab covering that page, or null
 * </pre>
 *
 * Every page of a slab maps to it, so any address inside a slab finds it. Second-level arrays are
 * made the first time a chunk holds a slab and kept.
 *
 * <p>Memory ordering: entries are written by a cache under its lock, after the arena handed the
 * pages over (arena lock: happens-before) and before any slot of the slab leaves that lock; a
 * thread freeing a slot it was given is therefore ordered after the write. Reads are plain: a racy
 * read can only concern an address that is not a live slot, which is refused either way.
 */
final class PageMap {

    private final int pageShift;
    private final int chunkShift;
    private final int pageMask;
    private final Slab[][] table;

    PageMap(int pageSize, int maxOrder, int maxChunks) {
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.chunkShift = pageShift + maxOrder;
        this.pageMask = (1 << maxOrder) - 1;
        this.table = new Slab[maxChunks][];
    }

    /** The slab covering {@code address}, or null (also for negative or out-of-range addresses). */
    Slab slabAt(long address) {
        long chunk = address >>> chunkShift;
        if (chunk >= table.length) {
            return null;
        }
        Slab[] pages = table[(int) chunk];
        return pages == null ? null : pages[(int) (address >>> pageShift) & pageMask];
    }

    void map(Slab slab, int pages) {
        set(slab.base, pages, slab);
    }

    void unmap(Slab slab, int pages) {
        set(slab.base, pages, null);
    }

    private void set(long base, int pages, Slab slab) {
        Slab[] chunk = chunkTable((int) (base >>> chunkShift));
        int first = (int) (base >>> pageShift) & pageMask;
        for (int i = 0; i < pages; i++) {
            chunk[first + i] = slab;
        }
    }

    /** Several caches map pages of one chunk: make the second level once, under the map's lock. */
    private synchronized Slab[] chunkTable(int chunk) {
        Slab[] pages = table[chunk];
        if (pages == null) {
            pages = new Slab[pageMask + 1];
            table[chunk] = pages;
        }
        return pages;
    }
}
