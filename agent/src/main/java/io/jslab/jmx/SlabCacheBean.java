package io.jslab.jmx;

import io.jslab.slab.SlabCache;
import io.jslab.slab.SlabCacheStats;
import java.util.Map;
import javax.management.MBeanOperationInfo;

/** The {@link SlabCacheMXBean} of one cache: a thin adapter over {@link SlabCache#stats()}. */
final class SlabCacheBean implements SlabCacheMXBean {

    static final Descriptions DESCRIPTIONS =
            new Descriptions("SlabCache", Map.of("shrink", MBeanOperationInfo.ACTION));

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
