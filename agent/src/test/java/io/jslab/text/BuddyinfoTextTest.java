package io.jslab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.arena.ArenaStats;
import org.junit.jupiter.api.Test;

/** Character for character against the kernel's {@code "Node %d, zone %8s "} and {@code "%6lu "}. */
class BuddyinfoTextTest {

    @Test
    void oneLineWithTheKernelsWidths() {
        ArenaStats stats = stats(3, new long[] {1, 0, 25, 4});
        assertEquals("Node 0, zone    Arena      1      0     25      4 \n", BuddyinfoText.format(stats));
    }

    @Test
    void wideCountsPushTheColumnsRightAsPrintfDoes() {
        ArenaStats stats = stats(3, new long[] {1234567, 123456, 0, 7});
        assertEquals("Node 0, zone    Arena 1234567 123456      0      7 \n", BuddyinfoText.format(stats));
    }

    @Test
    void everyOrderUpToMaxOrderIsPrinted() {
        long[] free = new long[11];
        free[10] = 64;
        assertEquals("Node 0, zone    Arena      0      0      0      0      0      0      0      0      0      0"
                + "     64 \n", BuddyinfoText.format(stats(10, free)));
    }

    private static ArenaStats stats(int maxOrder, long[] freeBlocks) {
        double[] zeros = new double[maxOrder + 1];
        return new ArenaStats(4096, maxOrder, 1, 1, 1L << maxOrder, 0, freeBlocks, zeros, zeros, 0);
    }
}
