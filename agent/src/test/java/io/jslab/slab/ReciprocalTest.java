package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReciprocalTest {

    @Test
    void dividesExactlyAroundEveryMultipleAndAtRandom() {
        SplittableRandom random = new SplittableRandom(42);
        int[] divisors = {1, 7, 8, 24, 64, 200, 700, 1100, 3000, 8192, 65535, 1 << 20, (1 << 30) - 1};
        for (int d : divisors) {
            Reciprocal r = new Reciprocal(d);
            for (long k = 0; k <= 300; k++) {
                for (long n : new long[] {k * d - 1, k * d, k * d + 1}) {
                    if (n >= 0 && n < 1L << 30) {
                        assertEquals(n / d, r.divide(n), n + " / " + d);
                    }
                }
            }
            for (int i = 0; i < 20_000; i++) {
                long n = random.nextLong(1L << 30);
                assertEquals(n / d, r.divide(n), n + " / " + d);
            }
            long top = (1L << 30) - 1;
            assertEquals(top / d, r.divide(top), top + " / " + d);
        }
    }

    @Test
    void everySlotSizeDividesEveryOffsetOfAnOrder3Slab() {
        for (int d = 8; d <= 8192; d += 8) {
            Reciprocal r = new Reciprocal(d);
            for (long n = 0; n < 32768; n += 4) {
                if (r.divide(n) != n / d) {
                    throw new AssertionError(n + " / " + d + " gave " + r.divide(n));
                }
            }
        }
    }

    @Test
    void zeroDivisorIsRefused() {
        assertEquals("divisor 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new Reciprocal(0)).getMessage());
    }
}
