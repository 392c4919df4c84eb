package io.jslab.slab;

/**
 * Allocations and frees per second over the last few seconds, from samples of the running totals
 * taken about once a second (by {@code maintain()}, or lazily when statistics are read).
 * Guarded by the cache's lock.
 *
 * <pre>
 *   samples: ring of (time, allocations, frees), newest last
 *   rate = (newest.count - oldest.count) * 1000 / (newest.time - oldest.time)
 *          with oldest = the earliest sample no more than WINDOW_MILLIS older than the newest;
 *          0 until two samples a measurable time apart exist
 * </pre>
 */
final class RateMeter {

    static final long WINDOW_MILLIS = 5_000;
    /** A sample is taken only this long after the previous one: a second, less scheduler jitter. */
    static final long MIN_INTERVAL_MILLIS = 900;
    private static final int RING = 8;

    private final long[] times = new long[RING];
    private final long[] allocations = new long[RING];
    private final long[] frees = new long[RING];
    private int newest = -1;
    private int size;

    /** Records the totals at {@code now} unless the last sample is younger than the interval. */
    void sample(long now, long allocationTotal, long freeTotal) {
        if (size > 0 && now - times[newest] < MIN_INTERVAL_MILLIS) {
            return;
        }
        newest = (newest + 1) % RING;
        times[newest] = now;
        allocations[newest] = allocationTotal;
        frees[newest] = freeTotal;
        size = Math.min(size + 1, RING);
    }

    double allocationRate() {
        return rate(allocations);
    }

    double freeRate() {
        return rate(frees);
    }

    private double rate(long[] totals) {
        int oldest = -1;
        for (int k = size - 1; k >= 1; k--) {
            int i = Math.floorMod(newest - k, RING);
            if (times[newest] - times[i] <= WINDOW_MILLIS) {
                oldest = i;
                break;
            }
        }
        if (oldest < 0 || times[newest] == times[oldest]) {
            return 0.0;
        }
        return (totals[newest] - totals[oldest]) * 1000.0 / (times[newest] - times[oldest]);
    }
}
