package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlabinfoParserTest {

    @Test
    void readsEveryColumnSlabtopUsesInTextOrder() {
        List<CacheRow> rows = SlabinfoFixture.caches();

        assertEquals(6, rows.size());
        // kmalloc-128: 4 slabs * 1 page * 4096 = 16384 bytes; use = 100 * 100/128 = 78.125 -> 78
        assertEquals(new CacheRow("kmalloc-128", 100, 128, 128, 32, 1, 4, 4, 16384, 78), rows.get(0));
        // com.acme.Big: 1 slab * 8 pages * 4096 = 32768; use = 100 * 8/16 = 50
        assertEquals(new CacheRow("com.acme.Big", 8, 16, 2048, 16, 8, 1, 1, 32768, 50), rows.get(3));
        // com.acme.Idle: no objects, use 0 (slabtop does not divide by zero here)
        assertEquals(new CacheRow("com.acme.Idle", 0, 0, 64, 64, 1, 0, 0, 0, 0), rows.get(4));
        assertEquals(List.of("kmalloc-128", "com.acme.Order", "com.acme.Outer$Node", "com.acme.Big",
                "com.acme.Idle", "kmalloc-8"), rows.stream().map(CacheRow::name).toList());
    }

    @Test
    void cacheSizeCountsArenaPagesNotMachinePages() {
        List<CacheRow> rows = SlabinfoParser.parse(SlabinfoFixture.TEXT, 16384);

        // com.acme.Big with 16 KiB pages: 1 slab * 8 pages * 16384 = 131072 bytes
        assertEquals(131072, rows.get(3).cacheSize());
    }

    @Test
    void useIsComputedInFloatAsProcpsDoes() {
        // 57/100 in float is 0.57f; 100 * 0.57f rounds to 57.0f, while in double it is 56.99999...
        // and would truncate to 56. slabtop prints 57.
        assertEquals(57, CacheRow.of("c", 57, 100, 8, 100, 1, 1, 1, 4096).use());
        assertEquals(56, (long) (100 * (57.0 / 100)), "the double computation that must not be used");
        // 29/100 -> 29, 1000/1020 = 0.98039 -> 98
        assertEquals(29, CacheRow.of("c", 29, 100, 8, 100, 1, 1, 1, 4096).use());
        assertEquals(98, CacheRow.of("c", 1000, 1020, 8, 170, 1, 6, 6, 4096).use());
    }

    @Test
    void textWithoutRowsHasNoCaches() {
        assertEquals(List.of(), SlabinfoParser.parse("slabinfo - version: 2.1\n# name ...\n", 4096));
    }

    @Test
    void otherTextIsRefusedWithItsFirstLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlabinfoParser.parse("Node 0, zone    Arena      1 \n", 4096));
        assertEquals("not slabinfo version 2.x text, it starts with 'Node 0, zone    Arena      1 '",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SlabinfoParser.parse("slabinfo - version: 1.1\n", 4096));
    }

    @Test
    void aMalformedRowIsRefusedWithItsLineNumber() {
        String text = "slabinfo - version: 2.1\n# name\nkmalloc-8 1 2 8 512 1 : tunables 0 0 0 : slabdata 1\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlabinfoParser.parse(text, 4096));
        assertEquals("slabinfo line 3 is not 'name active_objs num_objs objsize objperslab pagesperslab"
                + " : tunables l b s : slabdata active_slabs num_slabs sharedavail':"
                + " 'kmalloc-8 1 2 8 512 1 : tunables 0 0 0 : slabdata 1'", e.getMessage());
    }
}
