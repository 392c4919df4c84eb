package io.jslab.jmx;

import io.jslab.slab.SlabCacheStats;
import java.util.List;

/**
 * The sums {@code slabtop} prints above its table, from one snapshot of every cache, as procps'
 * {@code parse_slabinfo20} adds them up: a cache is active when it has slots ({@code num_objs > 0});
 * the sizes are slots times object size.
 */
record SlabTotals(int numCaches, int activeCaches, long activeObjects, long numObjects,
                  long activeSlabs, long numSlabs, long activeSize, long totalSize, long memoryBytes) {

    static SlabTotals of(List<SlabCacheStats> caches) {
        int active = 0;
        long activeObjects = 0;
        long numObjects = 0;
        long activeSlabs = 0;
        long numSlabs = 0;
        long activeSize = 0;
        long totalSize = 0;
        long memory = 0;
        for (SlabCacheStats s : caches) {
            if (s.numObjects() > 0) {
                active++;
            }
            activeObjects += s.activeObjects();
            numObjects += s.numObjects();
            activeSlabs += s.activeSlabs();
            numSlabs += s.numSlabs();
            activeSize += s.activeObjects() * s.objectSize();
            totalSize += s.numObjects() * s.objectSize();
            memory += s.memoryBytes();
        }
        return new SlabTotals(caches.size(), active, activeObjects, numObjects, activeSlabs, numSlabs,
                activeSize, totalSize, memory);
    }
}
