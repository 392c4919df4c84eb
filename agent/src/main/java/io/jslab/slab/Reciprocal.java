package io.jslab.slab;

/**
 * Division of slab offsets by the slot size without a divide instruction, in the spirit of the
 * kernel's {@code reciprocal_divide} ({@code lib/reciprocal_div.c}), which SLUB uses to turn an
 * object's offset into its index ({@code obj_to_index}).
 *
 * <pre>
 * For a divisor d, let l = ceil(log2 d), k = 30 + l and M = ceil(2^k / d). For every offset
 * n &lt; 2^30 (a chunk is at most 1 GiB):  floor(n / d) = (n * M) &gt;&gt;&gt; k.
 *
 * Why: M * d = 2^k + e with 0 &lt;= e &lt; d, so n * M / 2^k = n / d + n * e / (d * 2^k), and the
 * second term is below 2^30 / 2^k = 2^-l &lt;= 1 / d. The fraction of n / d is at most (d - 1) / d,
 * so the sum stays below the next integer. M &lt; 2^31 + 1, so n * M &lt; 2^62 fits a long.
 * </pre>
 */
final class Reciprocal {

    /** Offsets up to (not including) 2^OFFSET_BITS divide exactly. */
    static final int OFFSET_BITS = 30;

    private final long multiplier;
    private final int shift;

    Reciprocal(int divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor " + divisor + " must be at least 1");
        }
        int l = 32 - Integer.numberOfLeadingZeros(divisor - 1);
        this.shift = OFFSET_BITS + l;
        this.multiplier = ((1L << shift) + divisor - 1) / divisor;
    }

    long multiplier() {
        return multiplier;
    }

    int shift() {
        return shift;
    }

    /** {@code n / divisor} for {@code 0 <= n < 2^30}. */
    long divide(long n) {
        return (n * multiplier) >>> shift;
    }
}
