package io.jslab.slab;

/** Events of a {@link SlabAllocator}, for the JMX notifications; called outside the allocator's locks. */
public interface SlabListener {

    default void cacheCreated(SlabCache cache) {}

    /** An allocation in {@code cache} failed because the arena had no memory. Called on every failure. */
    default void allocationFailed(SlabCache cache) {}

    /** The arena grew to {@code chunks} chunks. */
    default void arenaGrown(int chunks) {}
}
