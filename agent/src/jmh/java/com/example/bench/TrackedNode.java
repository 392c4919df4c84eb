package com.example.bench;

import io.jslab.SlabAllocated;

/**
 * The benchmarks' tracked class: a small list node, the shape of much short-lived application
 * data. It lives outside {@code io.jslab}, whose classes the agent never instruments.
 */
@SlabAllocated
public final class TrackedNode {

    private final long id;
    private final TrackedNode next;

    public TrackedNode(long id, TrackedNode next) {
        this.id = id;
        this.next = next;
    }

    public long id() {
        return id;
    }

    public TrackedNode next() {
        return next;
    }
}
