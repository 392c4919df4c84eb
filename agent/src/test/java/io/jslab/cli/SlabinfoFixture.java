package io.jslab.cli;

import java.util.List;

/**
 * Six caches whose ten sort orders all differ, with ties in pages per slab, slabs, active slabs
 * and use to show that ties keep the text's order. The expected screens in the tests were computed
 * by hand and agree byte for byte with procps slabtop 4.0.2 reading this text as /proc/slabinfo
 * (4096-byte pages, C locale).
 */
final class SlabinfoFixture {

    static final long PAGE_SIZE = 4096;

    static final String TEXT = """
            slabinfo - version: 2.1
            # name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
            kmalloc-128          100    128    128   32    1 : tunables    0    0    0 : slabdata      4      4      0
            com.acme.Order      1000   1020     24  170    1 : tunables    0    0    0 : slabdata      6      6      0
            com.acme.Outer$Node     29    100     40  100    1 : tunables    0    0    0 : slabdata      1      1      0
            com.acme.Big           8     16   2048   16    8 : tunables    0    0    0 : slabdata      1      1      0
            com.acme.Idle          0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
            kmalloc-8            512   1024      8  512    1 : tunables    0    0    0 : slabdata      1      2      0
            """;

    private SlabinfoFixture() {
    }

    static List<CacheRow> caches() {
        return SlabinfoParser.parse(TEXT, PAGE_SIZE);
    }
}
