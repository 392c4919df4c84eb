package io.jslab.arena;

/**
 * What the arena asks for memory back when no free block fits and it may not grow: the kernel's
 * shrinkers, run from direct reclaim. The slab layer gives back its empty slabs.
 *
 * <p>It is called without the arena's lock held, but possibly with a caller's lock held (a slab
 * cache refilling), so it must not block on other locks: take them with {@code tryLock} and skip
 * what is busy. It must not allocate from the arena (that allocation could fail and ask the
 * reclaimer again); freeing blocks is what it is for. The arena calls it at most once per failed
 * allocation, and an exception it throws counts as nothing given back.
 */
@FunctionalInterface
public interface Reclaimer {

    /** Gives free memory back to the arena; returns the number of pages given back. */
    long reclaim();
}
