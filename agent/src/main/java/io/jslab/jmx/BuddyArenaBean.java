package io.jslab.jmx;

import io.jslab.arena.ArenaStats;
import io.jslab.slab.SlabAllocator;
import java.util.Map;

/** The {@link BuddyArenaMXBean}: a thin adapter over the arena's {@code stats()}. */
final class BuddyArenaBean implements BuddyArenaMXBean {

    static final Descriptions DESCRIPTIONS = new Descriptions("BuddyArena", Map.of());

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
    public java.util.SortedMap<Integer, Long> getFreeBlocksByOrder() {
        long[] blocks = stats.get().freeBlocks();
        java.util.SortedMap<Integer, Long> byOrder = new java.util.TreeMap<>();
        for (int order = 0; order < blocks.length; order++) {
            byOrder.put(order, blocks[order]);
        }
        return byOrder;
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
