package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifetimeHistogramTest {

    @Test
    void valuesBelow32AreExactAndLargerOnesKeepFourBits() {
        for (int v = 0; v < 32; v++) {
            assertEquals(v, LifetimeHistogram.lowestValue(LifetimeHistogram.index(v)));
        }
        assertEquals(32, LifetimeHistogram.index(32));
        assertEquals(32, LifetimeHistogram.lowestValue(LifetimeHistogram.index(33))); // 33 -> [32, 34)
        assertEquals(111, LifetimeHistogram.index(1000));
        assertEquals(992, LifetimeHistogram.lowestValue(111));              // 1000 -> [992, 1024)
        assertEquals(1024, LifetimeHistogram.lowestValue(LifetimeHistogram.index(1024)));
        assertEquals(LifetimeHistogram.BUCKETS - 1, LifetimeHistogram.index(Long.MAX_VALUE));
        assertEquals(0, LifetimeHistogram.index(-5)); // a clock step back counts as 0 ms
    }

    @Test
    void bucketsAreContiguousAndEachLowestValueMapsBack() {
        long previous = -1;
        for (int i = 0; i < LifetimeHistogram.BUCKETS; i++) {
            long low = LifetimeHistogram.lowestValue(i);
            assertTrue(low > previous, "bucket " + i);
            assertEquals(i, LifetimeHistogram.index(low));
            if (i > 0) {
                assertEquals(i - 1, LifetimeHistogram.index(low - 1), "below bucket " + i);
            }
            previous = low;
        }
    }

    @Test
    void quantilesAreNearestRank() {
        LifetimeHistogram h = new LifetimeHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v < 32 ? v : 1024); // 31 exact values 1..31, then 69 of 1024
        }
        long[] counts = new long[LifetimeHistogram.BUCKETS];
        h.addTo(counts);
        assertEquals(1024.0, LifetimeHistogram.quantile(counts, 500)); // rank 50 > 31
        assertEquals(1024.0, LifetimeHistogram.quantile(counts, 990));

        long[] ten = new long[LifetimeHistogram.BUCKETS];
        for (int v = 1; v <= 10; v++) {
            ten[LifetimeHistogram.index(v)]++;
        }
        assertEquals(5.0, LifetimeHistogram.quantile(ten, 500));  // rank ceil(5.0) = 5
        assertEquals(10.0, LifetimeHistogram.quantile(ten, 990)); // rank ceil(9.9) = 10
    }

    @Test
    void emptyHistogramHasNoQuantile() {
        assertTrue(Double.isNaN(LifetimeHistogram.quantile(new long[LifetimeHistogram.BUCKETS], 500)));
    }
}
