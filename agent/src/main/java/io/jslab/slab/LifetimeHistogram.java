package io.jslab.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Slot lifetimes in milliseconds, in log-linear buckets (as HdrHistogram, with 4 bits of
 * sub-bucket precision): exact below 32 ms, then 16 buckets per power of two, so a value is
 * kept to within 1/16 (6.25 %) of itself, and a quantile reports the lowest value of its bucket.
 *
 * <pre>
 *   value v            bucket index                          lowest value of the bucket
 *   0 .. 31            v                                     v
 *   2^e .. 2^(e+1)-1   (e - 4) * 16 + (v &gt;&gt;&gt; (e - 4))        mantissa &lt;&lt; (e - 4)
 *   (e = 5 .. 39)      32 .. 591                             e.g. 1000 -&gt; bucket 111 -&gt; 992
 *   2^40 and more      clamped to 2^40 - 1 (34 years)
 * </pre>
 *
 * <p>Writers and readers: one thread records (the magazine's owner), with opaque writes so that
 * readers, who sum many histograms without a lock, never see a torn or stale-forever count.
 * Under a lock (the cache's retired totals) the same methods are merely plain enough.
 */
final class LifetimeHistogram {

    static final int SUB_BUCKET_BITS = 4;
    static final int MAX_EXPONENT = 40;
    static final int BUCKETS = 32 + (MAX_EXPONENT - 5) * 16;
    private static final long MAX_VALUE = (1L << MAX_EXPONENT) - 1;
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] counts = new long[BUCKETS];

    /** Owner thread only. */
    void record(long millis) {
        int i = index(millis);
        COUNTS.setOpaque(counts, i, (long) COUNTS.getOpaque(counts, i) + 1);
    }

    /** Adds this histogram's counts to {@code sum}; any thread. */
    void addTo(long[] sum) {
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += (long) COUNTS.getOpaque(counts, i);
        }
    }

    static int index(long millis) {
        long v = Math.min(Math.max(millis, 0), MAX_VALUE);
        if (v < 32) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v);
        return (e - SUB_BUCKET_BITS) * 16 + (int) (v >>> (e - SUB_BUCKET_BITS));
    }

    static long lowestValue(int index) {
        if (index < 32) {
            return index;
        }
        int e = index / 16 + 3;
        long mantissa = index % 16 + 16;
        return mantissa << (e - SUB_BUCKET_BITS);
    }

    /**
     * The nearest-rank quantile {@code permille / 1000} of the counts: the lowest value of the
     * bucket holding the value of rank ceil(n * permille / 1000); NaN when there are none.
     */
    static double quantile(long[] counts, int permille) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (total * permille + 999) / 1000);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return lowestValue(i);
            }
        }
        throw new AssertionError("rank " + rank + " beyond total " + total);
    }
}
