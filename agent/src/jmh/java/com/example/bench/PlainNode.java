package com.example.bench;

/** {@link TrackedNode}'s twin without the annotation: garbage the agent does not track. */
public final class PlainNode {

    private final long id;
    private final PlainNode next;

    public PlainNode(long id, PlainNode next) {
        this.id = id;
        this.next = next;
    }

    public long id() {
        return id;
    }

    public PlainNode next() {
        return next;
    }
}
