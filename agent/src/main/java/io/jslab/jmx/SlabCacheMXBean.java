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

    /** Gives this cache's empty slabs back to the arena; returns the pages given back. */
    long shrink();
}
