package io.jslab.slab;

/**
 * The slab order of a cache, chosen as SLUB's {@code calculate_order} and {@code calc_slab_order}
 * in {@code mm/slub.c} choose it.
 *
 * <pre>
 * Notation: size = slot size in bytes, PAGE = the arena's page size, cpus = processors,
 *   order_objects(o) = (PAGE &lt;&lt; o) / size, get_order(n) = smallest o with PAGE &lt;&lt; o &gt;= n,
 *   fls(x) = index of the highest set bit counting from 1 (fls(1) = 1, fls(2) = 2, fls(4) = 3).
 *
 * 1. min_objects = 4 * (fls(cpus) + 1)                       (more cpus: bigger slabs)
 * 2. max_objects = max(order_objects(3), 1); min_objects = min(min_objects, max_objects)
 * 3. min_order   = get_order(min_objects * size)
 *    (if order_objects(min_order) &gt; 32767, MAX_OBJS_PER_PAGE: get_order(size * 32767) - 1)
 * 4. for fraction 16, 8, 4, 2: the smallest order from min_order to 3 whose leftover
 *    (PAGE &lt;&lt; order) % size is at most (PAGE &lt;&lt; order) / fraction; the first found wins
 * 5. none (size beyond an order-3 slab): get_order(size) if at most the arena's max order,
 *    else the size is refused
 * </pre>
 *
 * Worked examples, 2 cpus (fls(2) = 2, min_objects = 12), 4 KiB pages:
 * <pre>
 *   size   max_obj  min_obj  min_order  leftover at min_order          order objs/slab
 *      8     4096      12     0 (96)     4096 % 8    = 0    &lt;= 256     0     512
 *     24     1365      12     0 (288)    4096 % 24   = 16   &lt;= 256     0     170
 *     64      512      12     0 (768)    4096 % 64   = 0    &lt;= 256     0      64
 *    200      163      12     0 (2400)   4096 % 200  = 96   &lt;= 256     0      20
 *    700       46      12     2 (8400)   16384 % 700 = 284  &lt;= 1024    2      23
 *   1100       29      12     2 (13200)  16384 % 1100 = 984 &lt;= 1024    2      14
 *   3000       10      10     3 (30000)  32768 % 3000 = 2768: &gt; 2048 (1/16),
 *                                        &lt;= 4096 (1/8)                 3      10
 *   8192        4       4     3 (32768)  32768 % 8192 = 0              3       4
 *  40000        1       1     4 &gt; 3: no order from 4 to 3; get_order(40000) = 4
 * </pre>
 */
final class SlabOrder {

    /** SLUB's {@code slub_max_order} (PAGE_ALLOC_COSTLY_ORDER). */
    static final int SLUB_MAX_ORDER = 3;

    /** SLUB's {@code MAX_OBJS_PER_PAGE}: the objects count of a slab is a 15-bit field. */
    static final int MAX_OBJS_PER_PAGE = 32767;

    /** What {@link #calculate} returns when no order up to the arena's max order holds a slot. */
    static final int TOO_LARGE = -1;

    private SlabOrder() {}

    /**
     * The slab order for slots of {@code size} bytes, or {@link #TOO_LARGE}.
     *
     * @param size     slot size in bytes, at least 1
     * @param pageSize page size in bytes, a power of two
     * @param cpus     processors, at least 1
     * @param maxOrder the arena's largest block order (MAX_PAGE_ORDER)
     */
    static int calculate(int size, int pageSize, int cpus, int maxOrder) {
        long minObjects = 4L * (fls(cpus) + 1);
        long maxObjects = Math.max(orderObjects(SLUB_MAX_ORDER, size, pageSize), 1);
        minObjects = Math.min(minObjects, maxObjects);
        int minOrder = getOrder(minObjects * size, pageSize);
        if (orderObjects(minOrder, size, pageSize) > MAX_OBJS_PER_PAGE) {
            return getOrder((long) size * MAX_OBJS_PER_PAGE, pageSize) - 1;
        }
        for (int fraction = 16; fraction > 1; fraction /= 2) {
            int order = calcSlabOrder(size, pageSize, minOrder, SLUB_MAX_ORDER, fraction);
            if (order <= SLUB_MAX_ORDER) {
                return order;
            }
        }
        int order = getOrder(size, pageSize);
        return order <= maxOrder ? order : TOO_LARGE;
    }

    /** The smallest order from minOrder to maxOrder wasting at most 1/fraction; maxOrder + 1 if none. */
    static int calcSlabOrder(int size, int pageSize, int minOrder, int maxOrder, int fraction) {
        int order;
        for (order = minOrder; order <= maxOrder; order++) {
            long slabSize = (long) pageSize << order;
            if (slabSize % size <= slabSize / fraction) {
                break;
            }
        }
        return order;
    }

    static long orderObjects(int order, int size, int pageSize) {
        return ((long) pageSize << order) / size;
    }

    /** The smallest order whose block of pages holds {@code bytes} (0 for anything up to a page). */
    static int getOrder(long bytes, int pageSize) {
        int order = 0;
        while (((long) pageSize << order) < bytes) {
            order++;
        }
        return order;
    }

    /** Find last set: 1-based index of the highest set bit, 0 for 0. */
    static int fls(int x) {
        return 32 - Integer.numberOfLeadingZeros(x);
    }
}
