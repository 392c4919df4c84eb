package io.jslab.slab;

import io.jslab.arena.BuddyArena;
import java.util.List;

/**
 * The cache chain: every slab cache over one {@link BuddyArena}, the generic {@code kmalloc-*}
 * caches, and the slabinfo and buddyinfo texts. Public surface only.
 */
public final class SlabAllocator implements AutoCloseable {

    /** The largest size {@link #kmalloc} serves: the {@code kmalloc-8192} cache. */
    public static final int KMALLOC_MAX_SIZE = 8192;

    /** A chain over {@code arena}, sizing slabs for this machine's processor count. */
    public SlabAllocator(BuddyArena arena) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** A chain over {@code arena}, sizing slabs as for {@code cpus} processors (SLUB's min_objects). */
    public SlabAllocator(BuddyArena arena, int cpus) {
        throw new UnsupportedOperationException("to be implemented");
    }

    public BuddyArena arena() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Creates a cache of slots of {@code objectSize} bytes, rounded up to 8 bytes, or to 64 when
     * {@code hwcacheAlign}; its slab order follows SLUB's {@code calculate_order}.
     *
     * @throws IllegalArgumentException if the name is taken or empty or holds white space, or the
     *         size is below 1 or above what a slab of the arena's largest block can hold
     */
    public SlabCache createCache(String name, int objectSize, boolean hwcacheAlign) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The cache of that name, or {@code null}. */
    public SlabCache cache(String name) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Every cache, in the order they were created. */
    public List<SlabCache> caches() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Allocates {@code size} bytes from the smallest {@code kmalloc-N} cache that fits, creating
     * it the first time: the seed's "class approach".
     *
     * @return the slot's address, or {@link SlabCache#NO_MEMORY}
     * @throws IllegalArgumentException if {@code size} is below 1 or above {@link #KMALLOC_MAX_SIZE}
     */
    public long kmalloc(int size) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Frees a slot of any cache of this chain, found by its address, as the kernel's {@code kfree}.
     *
     * @throws IllegalArgumentException if the address is not a slot of this chain
     * @throws IllegalStateException if the slot is already free
     */
    public void kfree(long address) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Shrinks every cache; returns the pages given back to the arena. */
    public long shrink() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * Housekeeping, once a second or so: samples the rates and takes back the slots held by
     * threads that have ended. Reading statistics also samples when a second has passed.
     */
    public void maintain() {
        throw new UnsupportedOperationException("to be implemented");
    }

    public void addListener(SlabListener listener) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The {@code /proc/slabinfo} text, version 2.1, one row per cache in creation order. */
    public String slabinfo() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The {@code /proc/buddyinfo} line of the arena. */
    public String buddyinfo() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Closes the arena. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("to be implemented");
    }
}
