package io.jslab.jmx;

/**
 * {@code io.jslab:type=SlabCache,name=<cache name>}: one slab cache, the columns of its
 * {@code /proc/slabinfo} row and its churn. Numbers only, so JConsole can chart each of them.
 */
public interface SlabCacheMXBean {

    String getName();

    int getObjectSize();

    int getObjectsPerSlab();

    int getPagesPerSlab();

    long getActiveObjects();

    long getNumObjects();

    long getActiveSlabs();

    long getNumSlabs();

    long getFullSlabs();

    long getPartialSlabs();

    long getEmptySlabs();

    long getAllocations();

    long getFrees();

    long getAllocationFailures();

    double getAllocationRate();

    double getFreeRate();

    long getMemoryBytes();

    long getActiveBytes();

    double getMedianLifetimeMillis();

    double getP99LifetimeMillis();

    /** Whether every live object is watched, so that ActiveObjects is a count, not an estimate. */
    boolean isExact();

    /** Watches every object of this cache from now on (true) or gives it back to the budget (false). */
    void setExact(boolean exact);

    /** Half-width of the 95% interval of ActiveObjects; 0 when exact. */
    long getActiveObjectsError();

    /** The probability a construction is watched now: 1 when every one is. */
    double getWatchedFraction();

    /** Gives this cache's empty slabs back to the arena; returns the pages given back. */
    long shrink();
}
