package io.jslab.agent;

import io.jslab.jmx.OwnCost;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCacheStats;
import io.jslab.track.ObjectTracker;

/**
 * jslab's own cost in a running agent, read from the parts that incur it.
 *
 * <p>Watched objects: today every tracked object is watched (it gets a slot and a record), so the
 * watched rate is the rate at which the caches hand out slots, summed over the caches, and there
 * is no budget ({@link OwnCost#UNLIMITED}). Once a watched-object budget ({@code track.budget},
 * SPEC section 2a) exists, these two are where it shows.
 */
final class AgentCost implements OwnCost {

    private final SlabAllocator allocator;
    private final ObjectTracker tracker;

    AgentCost(SlabAllocator allocator, ObjectTracker tracker) {
        this.allocator = allocator;
        this.tracker = tracker;
    }

    @Override
    public long cpuTimeMillis() {
        return OwnThreads.cpuTimeMillis();
    }

    @Override
    public long recordHeapBytes() {
        return tracker.recordHeapBytes();
    }

    @Override
    public long arenaMappedBytes() {
        return (long) allocator.arena().stats().chunks() * allocator.arena().config().chunkBytes();
    }

    @Override
    public double watchedPerSecond() {
        double perSecond = 0;
        for (SlabCacheStats cache : allocator.stats()) {
            perSecond += cache.allocationRate();
        }
        return perSecond;
    }

    @Override
    public long watchBudget() {
        return UNLIMITED;
    }
}
