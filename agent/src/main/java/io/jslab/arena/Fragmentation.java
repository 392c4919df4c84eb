package io.jslab.arena;

/**
 * The kernel's fragmentation figures from {@code mm/vmstat.c}, in its integer arithmetic (results
 * in thousandths), over the free-block counts of an arena.
 *
 * <pre>
 * fill_contig_page_info(order):
 *   free_pages           = sum over o of nrFree[o] &lt;&lt; o
 *   free_blocks_total    = sum over o of nrFree[o]
 *   free_blocks_suitable = sum over o &gt;= order of nrFree[o] &lt;&lt; (o - order)
 *
 * unusable_free_index(order)   = 1000                                   if free_pages == 0
 *                              = (free_pages - (suitable &lt;&lt; order)) * 1000 / free_pages
 *
 * __fragmentation_index(order) = 0                                      if free_blocks_total == 0
 *                              = -1000                                  if suitable &gt; 0
 *                              = 1000 - (1000 + free_pages * 1000 / 2^order) / free_blocks_total
 * </pre>
 *
 * All divisions are the kernel's unsigned integer divisions (truncating); every operand here is
 * non-negative, so Java's {@code /} gives the same results.
 */
final class Fragmentation {

    private Fragmentation() {
    }

    /** {@link #unusableFreeIndex} for every order, divided by 1000. */
    static double[] unusableIndices(long[] freeBlocks) {
        double[] indices = new double[freeBlocks.length];
        for (int order = 0; order < freeBlocks.length; order++) {
            indices[order] = unusableFreeIndex(order, freeBlocks) / 1000.0;
        }
        return indices;
    }

    /** {@link #fragmentationIndex} for every order, divided by 1000. */
    static double[] fragmentationIndices(long[] freeBlocks) {
        double[] indices = new double[freeBlocks.length];
        for (int order = 0; order < freeBlocks.length; order++) {
            indices[order] = fragmentationIndex(order, freeBlocks) / 1000.0;
        }
        return indices;
    }

    /** The kernel's {@code unusable_free_index}, in thousandths. */
    static long unusableFreeIndex(int order, long[] freeBlocks) {
        long freePages = freePages(freeBlocks);
        if (freePages == 0) {
            return 1000;
        }
        return (freePages - (suitableBlocks(order, freeBlocks) << order)) * 1000 / freePages;
    }

    /** The kernel's {@code __fragmentation_index}, in thousandths. */
    static long fragmentationIndex(int order, long[] freeBlocks) {
        long total = 0;
        for (long blocks : freeBlocks) {
            total += blocks;
        }
        if (total == 0) {
            return 0;
        }
        if (suitableBlocks(order, freeBlocks) > 0) {
            return -1000;
        }
        long requested = 1L << order;
        return 1000 - (1000 + freePages(freeBlocks) * 1000 / requested) / total;
    }

    static long freePages(long[] freeBlocks) {
        long pages = 0;
        for (int o = 0; o < freeBlocks.length; o++) {
            pages += freeBlocks[o] << o;
        }
        return pages;
    }

    private static long suitableBlocks(int order, long[] freeBlocks) {
        long suitable = 0;
        for (int o = order; o < freeBlocks.length; o++) {
            suitable += freeBlocks[o] << (o - order);
        }
        return suitable;
    }
}
