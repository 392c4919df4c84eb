package io.jslab.track;

/**
 * How many records the tracker may hold at once, so that tracking can never be what fills the
 * host's heap: the records may take at most half the maximum heap ({@code -Xmx}).
 *
 * <pre>
 *   limit = maxHeap / HEAP_SHARE / bytesPerRecord      (bytesPerRecord: the record and its
 *                                                        segment entry, with some slack)
 *   held  = tracked - reclaimed - taken back           (updated after every reclaimer walk)
 *   held >= limit  ->  exhausted: new objects are constructed untracked, counted as their
 *                      cache's allocation failures, until a walk finds held below the limit
 * </pre>
 *
 * <p>Why it is needed: a record must stay reachable until the collection that finds its object
 * dead, and when tracked objects are most of what an application allocates, records promoted by a
 * young collection keep dead objects alive until a concurrent cycle (see {@link SlotRef}); records
 * and the objects they hold can then grow past what the heap has room for. The arena's
 * {@code arena.max} bounds slots, not heap, and is set for other reasons.
 *
 * <p>Why half: with every allocation of two threads tracked on a 1 GiB heap, records held up to
 * half the heap came back down after each concurrent cycle, whereas with a quarter the records and
 * the dead objects they held stayed below the occupancy at which G1 starts a concurrent cycle,
 * so nothing freed them and tracking stayed refused; without a bound the host eventually ran out
 * of heap (the series harness of the benchmarks page).
 *
 * <p>The limit is checked once per walk (after each collection and once a second), not per
 * object, so the held count may pass it by what is constructed between two walks; the check on
 * the construction path is one volatile read.
 */
final class RecordBudget {

    /** The records may take at most 1/HEAP_SHARE of the maximum heap. */
    static final int HEAP_SHARE = 2;

    private final long limit;
    private volatile boolean exhausted;

    RecordBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a record budget must allow at least one record, got " + limit);
        }
        this.limit = limit;
    }

    /** The budget for records of {@code bytesPerRecord} in a heap of at most {@code maxHeapBytes}. */
    static RecordBudget ofHeap(long maxHeapBytes, int bytesPerRecord) {
        return new RecordBudget(Math.max(1, maxHeapBytes / HEAP_SHARE / bytesPerRecord));
    }

    long limit() {
        return limit;
    }

    /** Whether new objects must go untracked; any thread. */
    boolean exhausted() {
        return exhausted;
    }

    /** After a walk: {@code held} records are held now. */
    void update(long held) {
        boolean over = held >= limit;
        if (over != exhausted) {
            exhausted = over;
        }
    }
}
