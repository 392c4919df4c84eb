package io.jslab.jmx;

/**
 * {@code io.jslab:type=BuddyArena}: the buddy allocator under the slab caches, as
 * {@code /proc/buddyinfo} and {@code /sys/kernel/debug/extfrag} show the kernel's.
 */
public interface BuddyArenaMXBean {

    int getPageSize();

    int getMaxOrder();

    int getChunks();

    int getMaxChunks();

    long getTotalPages();

    long getFreePages();

    long getAllocationFailures();

    /** Free blocks by order, 0 to MaxOrder, as {@code /proc/buddyinfo}. */
    long[] getFreeBlocks();

    /**
     * The same figures keyed by order, a table (rows {@code key}, {@code value}): tools that skip
     * arrays, the Prometheus JMX exporter for one, read tables, each row labelled by its key.
     */
    java.util.SortedMap<Integer, Long> getFreeBlocksByOrder();

    /** The kernel's {@code unusable_free_index} by order, divided by 1000. */
    double[] getUnusableIndex();

    /** The kernel's {@code __fragmentation_index} by order, divided by 1000. */
    double[] getFragmentationIndex();

    /** The {@code /proc/buddyinfo} line. */
    String buddyinfo();
}
