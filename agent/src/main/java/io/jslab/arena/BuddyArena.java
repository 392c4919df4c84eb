package io.jslab.arena;

import java.util.function.IntConsumer;

/**
 * A binary buddy allocator over off-heap pages, as the kernel's page allocator
 * ({@code mm/page_alloc.c}). Public surface only; see the implementation notes below.
 */
public final class BuddyArena implements AutoCloseable {

    /** What {@link #allocate} returns when no block fits and the arena may not grow. */
    public static final long NO_MEMORY = -1L;

    public BuddyArena(ArenaConfig config) {
        throw new UnsupportedOperationException("to be implemented");
    }

    public ArenaConfig config() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Allocates a block of {@code 2^order} pages and returns its address: a byte offset in the
     * arena's address space, a multiple of the block's size. Chunk {@code i} spans
     * {@code [i * chunkBytes, (i + 1) * chunkBytes)}.
     *
     * @return the address, or {@link #NO_MEMORY} when no block fits, the arena is at its maximum
     *         and the reclaimer gave nothing back
     * @throws IllegalArgumentException if {@code order} is not from 0 to maxOrder
     */
    public long allocate(int order) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Frees the block that starts at {@code address} and coalesces it with its free buddies.
     *
     * @throws IllegalArgumentException if no block was allocated at that address
     * @throws IllegalStateException if the block there is already free
     */
    public void free(long address) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The order of the allocated block that starts at {@code address}; throws as {@link #free}. */
    public int orderOf(long address) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Reads 8 bytes at an 8-aligned address inside a mapped chunk. */
    public long getLong(long address) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Writes 8 bytes at an 8-aligned address inside a mapped chunk. */
    public void putLong(long address, long value) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Sets what is asked to give memory back before an allocation fails; {@code null} for none. */
    public void setReclaimer(Reclaimer reclaimer) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Called with the new number of chunks each time the arena grows, outside the arena's lock. */
    public void addGrowthListener(IntConsumer listener) {
        throw new UnsupportedOperationException("to be implemented");
    }

    public ArenaStats stats() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Drops the arena's memory; any later call fails with IllegalStateException. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("to be implemented");
    }
}
