package io.jslab.cli;

import java.util.List;

/**
 * The totals of slabtop's five summary lines, summed as procps' {@code parse_slabinfo20} does:
 * sizes are object bytes ({@code objs * objsize}), not slab pages; a cache is active when it has
 * any slots; the average object size is {@code total_size / nr_objs} in whole bytes.
 */
record SlabSummary(long activeObjs, long numObjs, long activeSlabs, long numSlabs,
                   long activeCaches, long caches, long activeSize, long totalSize,
                   long minObjSize, long avgObjSize, long maxObjSize) {

    /**
     * procps starts the minimum at INT_MAX and prints 2097152.00K when there is no cache at all;
     * jslab prints 0.00K then.
     */
    static SlabSummary of(List<CacheRow> rows) {
        long activeObjs = 0, numObjs = 0, activeSlabs = 0, numSlabs = 0, activeCaches = 0;
        long activeSize = 0, totalSize = 0, min = Long.MAX_VALUE, max = 0;
        for (CacheRow r : rows) {
            activeObjs += r.activeObjs();
            numObjs += r.numObjs();
            activeSlabs += r.activeSlabs();
            numSlabs += r.numSlabs();
            activeCaches += r.numObjs() > 0 ? 1 : 0;
            activeSize += r.activeObjs() * r.objSize();
            totalSize += r.numObjs() * r.objSize();
            min = Math.min(min, r.objSize());
            max = Math.max(max, r.objSize());
        }
        return new SlabSummary(activeObjs, numObjs, activeSlabs, numSlabs, activeCaches,
                rows.size(), activeSize, totalSize, rows.isEmpty() ? 0 : min,
                numObjs == 0 ? 0 : totalSize / numObjs, max);
    }
}
