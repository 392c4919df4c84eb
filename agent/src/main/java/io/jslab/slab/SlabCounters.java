package io.jslab.slab;

/** Running totals of a cache: the retired magazines' under the cache lock, or a snapshot's. */
final class SlabCounters {

    long allocations;
    long frees;
    final long[] lifetimes = new long[LifetimeHistogram.BUCKETS];

    void add(Magazine m) {
        frees += m.frees();
        allocations += m.allocations();
        m.addLifetimesTo(lifetimes);
    }

    void addAll(SlabCounters other) {
        allocations += other.allocations;
        frees += other.frees;
        for (int i = 0; i < lifetimes.length; i++) {
            lifetimes[i] += other.lifetimes[i];
        }
    }
}
