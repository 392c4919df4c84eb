package io.jslab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.slab.SlabCacheStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's printf formats, checked character for character. */
class SlabinfoTextTest {

    private static final String HEADER = "slabinfo - version: 2.1\n"
            + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
            + " : tunables <limit> <batchcount> <sharedfactor>"
            + " : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

    private static SlabCacheStats stats(String name, long active, long num, int size, int perSlab,
                                        int pages, long activeSlabs, long numSlabs) {
        return new SlabCacheStats(name, size, perSlab, pages, active, num, activeSlabs, numSlabs,
                0, 0, 0, 0, 0, 0, 0.0, 0.0, 0, 0, Double.NaN, Double.NaN);
    }

    @Test
    void emptyChainIsTheHeaderAlone() {
        assertEquals(HEADER, SlabinfoText.format(List.of()));
        assertEquals(HEADER, SlabinfoText.HEADER);
    }

    @Test
    void rowsArePaddedAsCacheShowPadsThem() {
        String text = SlabinfoText.format(List.of(
                stats("kmalloc-64", 130, 192, 64, 64, 1, 3, 3),
                stats("kmalloc-8192", 0, 0, 8192, 4, 8, 0, 0),
                stats("x", 1, 512, 8, 512, 1, 1, 1)));
        assertEquals(HEADER
                + "kmalloc-64           130    192     64   64    1 : tunables    0    0    0 : slabdata      3      3      0\n"
                + "kmalloc-8192           0      0   8192    4    8 : tunables    0    0    0 : slabdata      0      0      0\n"
                + "x                      1    512      8  512    1 : tunables    0    0    0 : slabdata      1      1      0\n",
                text);
    }

    @Test
    void longNamesAndWideNumbersWidenTheirColumnsAsInC() {
        assertEquals("exactly17chars.xx      5     10     16  256    1 : tunables    0    0    0 : slabdata      1      1      0\n",
                SlabinfoText.row(stats("exactly17chars.xx", 5, 10, 16, 256, 1, 1, 1)));
        assertEquals("com.example.orders.OrderLine$Item 1234567 12345678 4194304    1 1024 : tunables    0    0    0 : slabdata 1234567 12345678      0\n",
                SlabinfoText.row(stats("com.example.orders.OrderLine$Item", 1234567, 12345678, 4194304, 1,
                        1024, 1234567, 12345678)));
        // "a" padded to 17, one space, then 999999 fills its 6 columns and 1000000 overflows 6
        assertEquals("a" + " ".repeat(16) + " 999999 1000000     64 32767    8 : tunables    0    0    0 : slabdata  99999 100000      0\n",
                SlabinfoText.row(stats("a", 999999, 1000000, 64, 32767, 8, 99999, 100000)));
    }
}
