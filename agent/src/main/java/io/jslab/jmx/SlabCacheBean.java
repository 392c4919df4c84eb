package io.jslab.jmx;

import io.jslab.slab.SlabCache;
import io.jslab.slab.SlabCacheStats;
import io.jslab.track.Estimate;
import io.jslab.track.Populations;
import java.util.Map;
import javax.management.MBeanOperationInfo;

/**
 * The {@link SlabCacheMXBean} of one cache: a thin adapter over {@link SlabCache#stats()} and,
 * for a cache a tracked class fills, its {@link Estimate}. For a tracked class, whose slots may
 * stand for estimated objects (SPEC 2a), Allocations is the exact count of constructions and
 * Frees what left ActiveObjects (constructions less the objects refused a slot and the active
 * ones), so both keep counting up when the cache turns exact or back.
 */
final class SlabCacheBean implements SlabCacheMXBean {

    static final Descriptions DESCRIPTIONS =
            new Descriptions("SlabCache", Map.of("shrink", MBeanOperationInfo.ACTION));

    private final SlabCache cache;
    private final Populations populations;
    private final Snapshot<SlabCacheStats> stats;

    SlabCacheBean(SlabCache cache, Populations populations, Snapshot<SlabCacheStats> stats) {
        this.cache = cache;
        this.populations = populations;
        this.stats = stats;
    }

    /** The registrable MBean of {@code cache}. */
    static DescribedMXBean<SlabCacheMXBean> of(SlabCache cache, Populations populations) {
        Snapshot<SlabCacheStats> stats = new Snapshot<>(cache::stats);
        return new DescribedMXBean<>(new SlabCacheBean(cache, populations, stats), SlabCacheMXBean.class,
                DESCRIPTIONS, stats);
    }

    /** The estimate when a tracked class fills the cache, else null. */
    private Estimate estimated() {
        return populations.estimate(cache);
    }

    @Override
    public boolean isExact() {
        Estimate e = populations.estimate(cache);
        return e == null || e.exact();
    }

    @Override
    public void setExact(boolean exact) {
        if (!populations.exact(cache, exact)) {
            throw new IllegalArgumentException("cache " + cache.name()
                    + " holds no tracked class: every one of its slots is an object already");
        }
    }

    @Override
    public long getActiveObjectsError() {
        Estimate e = populations.estimate(cache);
        return e == null ? 0 : e.error();
    }

    @Override
    public double getWatchedFraction() {
        Estimate e = populations.estimate(cache);
        return e == null ? 1.0 : e.watchedFraction();
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
        Estimate e = estimated();
        return e == null ? stats.get().allocations() : e.allocations();
    }

    @Override
    public long getFrees() {
        Estimate e = estimated();
        SlabCacheStats s = stats.get();
        return e == null ? s.frees() : Math.max(0, e.allocations() - s.allocationFailures() - s.activeObjects());
    }

    @Override
    public long getAllocationFailures() {
        return stats.get().allocationFailures();
    }

    @Override
    public double getAllocationRate() {
        Estimate e = estimated();
        return e == null ? stats.get().allocationRate() : e.allocationRate();
    }

    @Override
    public double getFreeRate() {
        Estimate e = estimated();
        return e == null ? stats.get().freeRate() : e.freeRate();
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
