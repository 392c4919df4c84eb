package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlabtopTextTest {

    /*
     * The summary of the fixture, by hand:
     * objects  active 100+1000+29+8+0+512 = 1649, total 128+1020+100+16+0+1024 = 2288,
     *          1649/2288 = 72.07% -> 72.1%
     * slabs    active 4+6+1+1+0+1 = 13, total 4+6+1+1+0+2 = 14, 92.86% -> 92.9%
     * caches   5 with objects (com.acme.Idle has none) of 6, 83.33% -> 83.3%
     * size     active 100*128 + 1000*24 + 29*40 + 8*2048 + 0 + 512*8 = 58440 B = 57.0703K -> 57.07K
     *          total 128*128 + 1020*24 + 100*40 + 16*2048 + 0 + 1024*8 = 85824 B = 83.8125K -> 83.81K
     *          58440/85824 = 68.09% -> 68.1%
     * object   min 8 B = 0.0078K -> 0.01K, average 85824/2288 = 37 B (whole bytes) = 0.0361K -> 0.04K,
     *          max 2048 B = 2.00K
     */
    static final List<String> SUMMARY = List.of(
            " Active / Total Objects (% used)    : 1649 / 2288 (72.1%)",
            " Active / Total Slabs (% used)      : 13 / 14 (92.9%)",
            " Active / Total Caches (% used)     : 5 / 6 (83.3%)",
            " Active / Total Size (% used)       : 57.07K / 83.81K (68.1%)",
            " Minimum / Average / Maximum Object : 0.01K / 0.04K / 2.00K",
            "",
            "  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME                   ");

    /* Rows sorted by objects: 1024, 1020, 128, 100, 16, 0. OBJ SIZE 128 B = 0.125K prints 0.12K (half to even). */
    static final List<String> ROWS_BY_OBJECTS = List.of(
            "  1024    512  50%    0.01K      2      512         8K kmalloc-8              ",
            "  1020   1000  98%    0.02K      6      170        24K com.acme.Order         ",
            "   128    100  78%    0.12K      4       32        16K kmalloc-128            ",
            "   100     29  29%    0.04K      1      100         4K com.acme.Outer$Node    ",
            "    16      8  50%    2.00K      1       16        32K com.acme.Big           ",
            "     0      0   0%    0.06K      0       64         0K com.acme.Idle          ");

    @Test
    void rendersSlabtopsScreenLineForLine() {
        List<String> lines = SlabtopText.render(SlabinfoFixture.caches(), SortKey.DEFAULT, Integer.MAX_VALUE);

        assertEquals(concat(SUMMARY, ROWS_BY_OBJECTS), lines);
        assertEquals(78, lines.get(6).length(), "the heading is padded to 78 columns as slabtop's %-78s");
    }

    @ParameterizedTest(name = "-s {0}")
    @CsvSource(delimiter = '|', value = {
        // key | names in order                                              | the column, descending unless name
        "o | kmalloc-8 com.acme.Order kmalloc-128 com.acme.Outer$Node com.acme.Big com.acme.Idle",   // 1024 1020 128 100 16 0
        "a | com.acme.Order kmalloc-8 kmalloc-128 com.acme.Outer$Node com.acme.Big com.acme.Idle",   // 1000 512 100 29 8 0
        "s | com.acme.Big kmalloc-128 com.acme.Idle com.acme.Outer$Node com.acme.Order kmalloc-8",   // 2048 128 64 40 24 8
        "b | kmalloc-8 com.acme.Order com.acme.Outer$Node com.acme.Idle kmalloc-128 com.acme.Big",   // 512 170 100 64 32 16
        "p | com.acme.Big kmalloc-128 com.acme.Order com.acme.Outer$Node com.acme.Idle kmalloc-8",   // 8, then 1s in text order
        "l | com.acme.Order kmalloc-128 kmalloc-8 com.acme.Outer$Node com.acme.Big com.acme.Idle",   // 6 4 2 1 1 0
        "v | com.acme.Order kmalloc-128 com.acme.Outer$Node com.acme.Big kmalloc-8 com.acme.Idle",   // 6 4 1 1 1 0
        "c | com.acme.Big com.acme.Order kmalloc-128 kmalloc-8 com.acme.Outer$Node com.acme.Idle",   // 32K 24K 16K 8K 4K 0K
        "u | com.acme.Order kmalloc-128 com.acme.Big kmalloc-8 com.acme.Outer$Node com.acme.Idle",   // 98 78 50 50 29 0
        "n | com.acme.Big com.acme.Idle com.acme.Order com.acme.Outer$Node kmalloc-128 kmalloc-8",   // ascending
    })
    void everySortKeyOrdersAsSlabtop(char key, String names) {
        List<String> lines = SlabtopText.render(SlabinfoFixture.caches(), SortKey.of(key), Integer.MAX_VALUE);

        String order = lines.subList(SlabtopText.HEADER_LINES, lines.size()).stream()
                .map(line -> line.substring(54).strip())
                .collect(Collectors.joining(" "));
        assertEquals(names, order);
        assertEquals(SUMMARY, lines.subList(0, SlabtopText.HEADER_LINES), "the summary does not depend on the sort");
    }

    @Test
    void sortKeysAreReadInEitherCaseAndNothingElse() {
        assertEquals(SortKey.ACTIVE_OBJS, SortKey.of('A'));
        assertEquals(SortKey.USE, SortKey.of('u'));
        assertEquals(null, SortKey.of('x'));
        assertEquals(null, SortKey.of(' '));
    }

    @Test
    void rowsAreCutToTheRowsThatFit() {
        List<String> lines = SlabtopText.render(SlabinfoFixture.caches(), SortKey.DEFAULT, 2);

        assertEquals(concat(SUMMARY, ROWS_BY_OBJECTS.subList(0, 2)), lines);
        assertEquals(SUMMARY, SlabtopText.render(SlabinfoFixture.caches(), SortKey.DEFAULT, 0));
    }

    @Test
    void anEmptyTablePrintsZeroesWhereSlabtopPrintsNan() {
        // slabtop prints "-nan%" for 0/0 and a minimum of INT_MAX bytes (2097152.00K) with no cache
        assertEquals(List.of(
                " Active / Total Objects (% used)    : 0 / 0 (0.0%)",
                " Active / Total Slabs (% used)      : 0 / 0 (0.0%)",
                " Active / Total Caches (% used)     : 0 / 0 (0.0%)",
                " Active / Total Size (% used)       : 0.00K / 0.00K (0.0%)",
                " Minimum / Average / Maximum Object : 0.00K / 0.00K / 0.00K",
                "",
                SUMMARY.get(6)), SlabtopText.render(List.of(), SortKey.DEFAULT, 10));
    }

    @Test
    void fixedPointRoundsTheExactBinaryValueHalfToEvenAsGlibc() {
        assertEquals("0.12", CFormat.fixed(128 / 1024.0, 2));   // 0.125 exactly: to even
        assertEquals("0.38", CFormat.fixed(384 / 1024.0, 2));   // 0.375 exactly: to even
        assertEquals("0.01", CFormat.fixed(8 / 1024.0, 2));     // 0.0078125
        assertEquals("72.1", CFormat.percent(1649, 2288));
        assertEquals("100.0", CFormat.percent(4, 4));
        assertEquals("0.0", CFormat.percent(0, 0));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
