package io.jslab.slab;

/**
 * A cache of equally sized slots carved from slabs of contiguous arena pages.
 * Public surface only; see the implementation notes below.
 */
public final class SlabCache {

    /** What {@link #allocate} returns when the arena has no memory for a new slab. */
    public static final long NO_MEMORY = -1L;

    private SlabCache() {
        throw new UnsupportedOperationException("to be implemented");
    }

    public String name() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Slot size: the requested size rounded up to the alignment. */
    public int objectSize() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** 8, or 64 for a hardware-cache-aligned cache. */
    public int align() {
        throw new UnsupportedOperationException("to be implemented");
    }

    public int objectsPerSlab() {
        throw new UnsupportedOperationException("to be implemented");
    }

    public int pagesPerSlab() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Hands out a free slot and writes its allocation record (the construction time).
     *
     * @return the slot's arena address, or {@link #NO_MEMORY} (counted as an allocation failure)
     */
    public long allocate() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Gives a slot back and records its lifetime from its allocation record.
     *
     * @throws IllegalArgumentException if {@code address} is not a slot of this cache
     * @throws IllegalStateException if the slot is already free
     */
    public void free(long address) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Gives the cache's empty slabs back to the arena; returns the number of pages given back. */
    public long shrink() {
        throw new UnsupportedOperationException("to be implemented");
    }

    public SlabCacheStats stats() {
        throw new UnsupportedOperationException("to be implemented");
    }
}
