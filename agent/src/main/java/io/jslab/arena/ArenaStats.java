package io.jslab.arena;

/**
 * A consistent snapshot of a {@link BuddyArena}, taken under its lock.
 *
 * @param pageSize           bytes per page
 * @param maxOrder           largest block order
 * @param chunks             chunks mapped so far
 * @param maxChunks          chunks the arena may map at most
 * @param totalPages         pages in the mapped chunks
 * @param freePages          free pages in the mapped chunks
 * @param freeBlocks         free blocks by order, 0 to maxOrder, as {@code /proc/buddyinfo}
 * @param unusableIndex      the kernel's {@code unusable_free_index} by order, divided by 1000
 * @param fragmentationIndex the kernel's {@code __fragmentation_index} by order, divided by 1000
 *                           (-1 where a free block of that order or larger exists; 0 when no
 *                           block at all is free)
 * @param allocationFailures allocations refused because no block fitted and the arena could not grow
 */
public record ArenaStats(int pageSize, int maxOrder, int chunks, int maxChunks, long totalPages,
                         long freePages, long[] freeBlocks, double[] unusableIndex,
                         double[] fragmentationIndex, long allocationFailures) {

    public ArenaStats {
        freeBlocks = freeBlocks.clone();
        unusableIndex = unusableIndex.clone();
        fragmentationIndex = fragmentationIndex.clone();
    }

    @Override
    public long[] freeBlocks() {
        return freeBlocks.clone();
    }

    @Override
    public double[] unusableIndex() {
        return unusableIndex.clone();
    }

    @Override
    public double[] fragmentationIndex() {
        return fragmentationIndex.clone();
    }
}
