package io.jslab.jmx;

import io.jslab.slab.SlabCache;
import io.jslab.slab.SlabCacheStats;
import java.util.Map;
import javax.management.MBeanOperationInfo;

/** The {@link SlabCacheMXBean} of one cache: a thin adapter over {@link SlabCache#stats()}. */
final class SlabCacheBean implements SlabCacheMXBean {

    static final Descriptions DESCRIPTIONS = new Descriptions(
            "One jslab slab cache: a row of /proc/slabinfo and its churn. Double-click a number to chart it.",
            Map.ofEntries(
                    Map.entry("Name", "Cache name: the class's binary name, the @SlabAllocated cache, or kmalloc-<size>"),
                    Map.entry("ObjectSize", "objsize: bytes per slot, the object's shallow size rounded up to the alignment"),
                    Map.entry("ObjectsPerSlab", "objperslab: slots in one slab"),
                    Map.entry("PagesPerSlab", "pagesperslab: arena pages in one slab (2^order, chosen as SLUB's calc_slab_order)"),
                    Map.entry("ActiveObjects", "active_objs: slots in use, that is tracked objects not yet reclaimed by the GC"),
                    Map.entry("NumObjects", "num_objs: slots in all slabs of the cache, used or free"),
                    Map.entry("ActiveSlabs", "active_slabs: slabs with at least one slot in use (full and partial)"),
                    Map.entry("NumSlabs", "num_slabs: slabs the cache holds, empty ones included"),
                    Map.entry("FullSlabs", "Slabs with no free slot"),
                    Map.entry("PartialSlabs", "Slabs with some slots free; allocation takes from these first"),
                    Map.entry("EmptySlabs", "Slabs with every slot free, kept for reuse until the cache is shrunk"),
                    Map.entry("Allocations", "Slots handed out since the cache was created"),
                    Map.entry("Frees", "Slots given back since the cache was created"),
                    Map.entry("AllocationFailures", "Allocations refused because the arena had no memory (the object was still built)"),
                    Map.entry("AllocationRate", "Allocations per second over the last few seconds"),
                    Map.entry("FreeRate", "Frees per second over the last few seconds"),
                    Map.entry("MemoryBytes", "Arena bytes held by the cache's slabs: num_slabs * pagesperslab * page size"),
                    Map.entry("ActiveBytes", "Bytes of slots in use: active_objs * objsize"),
                    Map.entry("MedianLifetimeMillis", "Median time from allocation to free of freed slots, in ms (NaN before the first free)"),
                    Map.entry("P99LifetimeMillis", "99th percentile of the time from allocation to free, in ms (NaN before the first free)"),
                    Map.entry("shrink()", "Gives the cache's empty slabs back to the arena (kmem_cache_shrink); returns the pages given back")),
            Map.of("shrink", MBeanOperationInfo.ACTION));

    private final SlabCache cache;
    private final Snapshot<SlabCacheStats> stats;

    SlabCacheBean(SlabCache cache, Snapshot<SlabCacheStats> stats) {
        this.cache = cache;
        this.stats = stats;
    }

    /** The registrable MBean of {@code cache}. */
    static DescribedMXBean<SlabCacheMXBean> of(SlabCache cache) {
        Snapshot<SlabCacheStats> stats = new Snapshot<>(cache::stats);
        return new DescribedMXBean<>(new SlabCacheBean(cache, stats), SlabCacheMXBean.class,
                DESCRIPTIONS, stats);
    }

    @Override
    public String getName() {
        return cache.name();
    }

    @Override
    public int getObjectSize() {
        return cache.objectSize();
    }

    @Override
    public int getObjectsPerSlab() {
        return cache.objectsPerSlab();
    }

    @Override
    public int getPagesPerSlab() {
        return cache.pagesPerSlab();
    }

    @Override
    public long getActiveObjects() {
        return stats.get().activeObjects();
    }

    @Override
    public long getNumObjects() {
        return stats.get().numObjects();
    }

    @Override
    public long getActiveSlabs() {
        return stats.get().activeSlabs();
    }

    @Override
    public long getNumSlabs() {
        return stats.get().numSlabs();
    }

    @Override
    public long getFullSlabs() {
        return stats.get().fullSlabs();
    }

    @Override
    public long getPartialSlabs() {
        return stats.get().partialSlabs();
    }

    @Override
    public long getEmptySlabs() {
        return stats.get().emptySlabs();
    }

    @Override
    public long getAllocations() {
        return stats.get().allocations();
    }

    @Override
    public long getFrees() {
        return stats.get().frees();
    }

    @Override
    public long getAllocationFailures() {
        return stats.get().allocationFailures();
    }

    @Override
    public double getAllocationRate() {
        return stats.get().allocationRate();
    }

    @Override
    public double getFreeRate() {
        return stats.get().freeRate();
    }

    @Override
    public long getMemoryBytes() {
        return stats.get().memoryBytes();
    }

    @Override
    public long getActiveBytes() {
        return stats.get().activeBytes();
    }

    @Override
    public double getMedianLifetimeMillis() {
        return stats.get().medianLifetimeMillis();
    }

    @Override
    public double getP99LifetimeMillis() {
        return stats.get().p99LifetimeMillis();
    }

    @Override
    public long shrink() {
        return cache.shrink();
    }
}
