package io.jslab.jmx;

import io.jslab.arena.ArenaStats;
import io.jslab.slab.SlabAllocator;
import java.util.Map;

/** The {@link BuddyArenaMXBean}: a thin adapter over the arena's {@code stats()}. */
final class BuddyArenaBean implements BuddyArenaMXBean {

    static final Descriptions DESCRIPTIONS = new Descriptions(
            "The jslab buddy arena: off-heap pages split and coalesced in power-of-two blocks, "
                    + "as the kernel's page allocator (mm/page_alloc.c).",
            Map.ofEntries(
                    Map.entry("PageSize", "Bytes per page (arena.pagesize)"),
                    Map.entry("MaxOrder", "Largest block order: a chunk is 2^MaxOrder pages (arena.maxorder)"),
                    Map.entry("Chunks", "Chunks mapped so far; the arena grows one chunk at a time"),
                    Map.entry("MaxChunks", "Chunks the arena may map at most (arena.max / chunk size)"),
                    Map.entry("TotalPages", "Pages in the mapped chunks"),
                    Map.entry("FreePages", "Free pages in the mapped chunks (the zone's NR_FREE_PAGES)"),
                    Map.entry("AllocationFailures", "Block allocations refused: no block fitted and the arena could not grow"),
                    Map.entry("FreeBlocks", "Free blocks by order 0..MaxOrder, the columns of /proc/buddyinfo"),
                    Map.entry("UnusableIndex", "unusable_free_index by order (mm/vmstat.c) / 1000: the share of free "
                            + "memory in blocks too small for that order, 0 = all usable, 1 = none"),
                    Map.entry("FragmentationIndex", "__fragmentation_index by order (mm/vmstat.c) / 1000: near 0 a failure "
                            + "there would be for lack of memory, near 1 for fragmentation; -1 where a block of that order is free"),
                    Map.entry("buddyinfo()", "The /proc/buddyinfo line of the arena: free blocks per order")),
            Map.of());

    private final SlabAllocator allocator;
    private final Snapshot<ArenaStats> stats;

    private BuddyArenaBean(SlabAllocator allocator, Snapshot<ArenaStats> stats) {
        this.allocator = allocator;
        this.stats = stats;
    }

    /** The registrable MBean of {@code allocator}'s arena. */
    static DescribedMXBean<BuddyArenaMXBean> of(SlabAllocator allocator) {
        Snapshot<ArenaStats> stats = new Snapshot<>(() -> allocator.arena().stats());
        return new DescribedMXBean<>(new BuddyArenaBean(allocator, stats), BuddyArenaMXBean.class,
                DESCRIPTIONS, stats);
    }

    @Override
    public int getPageSize() {
        return stats.get().pageSize();
    }

    @Override
    public int getMaxOrder() {
        return stats.get().maxOrder();
    }

    @Override
    public int getChunks() {
        return stats.get().chunks();
    }

    @Override
    public int getMaxChunks() {
        return stats.get().maxChunks();
    }

    @Override
    public long getTotalPages() {
        return stats.get().totalPages();
    }

    @Override
    public long getFreePages() {
        return stats.get().freePages();
    }

    @Override
    public long getAllocationFailures() {
        return stats.get().allocationFailures();
    }

    @Override
    public long[] getFreeBlocks() {
        return stats.get().freeBlocks();
    }

    @Override
    public double[] getUnusableIndex() {
        return stats.get().unusableIndex();
    }

    @Override
    public double[] getFragmentationIndex() {
        return stats.get().fragmentationIndex();
    }

    @Override
    public String buddyinfo() {
        return allocator.buddyinfo();
    }
}
