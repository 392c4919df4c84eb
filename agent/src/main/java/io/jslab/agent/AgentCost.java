package io.jslab.agent;

import io.jslab.jmx.OwnCost;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;

/**
 * jslab's own cost in a running agent, read from the parts that incur it.
 *
 * <p>Watched objects (SPEC 2a): the rate is the tracker's count of watched objects over the time
 * between two reads (a read less than a second after the last one gets the last rate), and the
 * budget is {@code track.budget}, or {@link OwnCost#UNLIMITED} under {@code track=exact}, where
 * every object is watched whatever the budget.
 */
final class AgentCost implements OwnCost {

    private final SlabAllocator allocator;
    private final ObjectTracker tracker;
    private final boolean everyObjectWatched;
    private long lastNanos;       // guarded by this
    private long lastWatched;
    private double lastRate;

    AgentCost(SlabAllocator allocator, ObjectTracker tracker, boolean everyObjectWatched) {
        this.allocator = allocator;
        this.tracker = tracker;
        this.everyObjectWatched = everyObjectWatched;
        this.lastNanos = System.nanoTime();
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
    public synchronized double watchedPerSecond() {
        long now = System.nanoTime();
        if (now - lastNanos >= 1_000_000_000L) {
            long watched = tracker.watchedObjects();
            lastRate = (watched - lastWatched) * 1e9 / (now - lastNanos);
            lastWatched = watched;
            lastNanos = now;
        }
        return lastRate;
    }

    @Override
    public long watchBudget() {
        return everyObjectWatched ? UNLIMITED : tracker.watchBudget();
    }
}
