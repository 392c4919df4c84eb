package io.jslab.slab;

/**
 * A snapshot of one cache: the slabinfo columns and the churn figures.
 *
 * @param name                 cache name
 * @param objectSize           slot size in bytes (objsize)
 * @param objectsPerSlab       slots per slab (objperslab)
 * @param pagesPerSlab         pages per slab (pagesperslab)
 * @param activeObjects        slots handed out and not yet freed (active_objs)
 * @param numObjects           slots in all slabs (num_objs)
 * @param activeSlabs          slabs with at least one slot in use (active_slabs)
 * @param numSlabs             slabs held, empty ones included (num_slabs)
 * @param fullSlabs            slabs with no free slot
 * @param partialSlabs         slabs with some slots free
 * @param emptySlabs           slabs with every slot free, kept for reuse
 * @param allocations          slots handed out since the cache was created
 * @param frees                slots given back since the cache was created
 * @param allocationFailures   allocations refused because the arena had no memory, or given up
 *                             by the caller ({@link SlabCache#countRefusal})
 * @param allocationRate       allocations per second over the last few seconds
 * @param freeRate             frees per second over the last few seconds
 * @param memoryBytes          bytes of arena memory held by the cache's slabs
 * @param activeBytes          {@code activeObjects * objectSize}
 * @param medianLifetimeMillis median time from allocation to free of freed slots, NaN before any free
 * @param p99LifetimeMillis    99th percentile of the same, NaN before any free
 */
public record SlabCacheStats(String name, int objectSize, int objectsPerSlab, int pagesPerSlab,
                             long activeObjects, long numObjects, long activeSlabs, long numSlabs,
                             long fullSlabs, long partialSlabs, long emptySlabs, long allocations,
                             long frees, long allocationFailures, double allocationRate,
                             double freeRate, long memoryBytes, long activeBytes,
                             double medianLifetimeMillis, double p99LifetimeMillis) {
}
