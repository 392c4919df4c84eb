package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SLUB's calculate_order against examples worked by hand (see the table in {@link SlabOrder}). */
class SlabOrderTest {

    private static final int PAGE = 4096;

    @ParameterizedTest(name = "{0} bytes on 2 cpus: order {1}, {2} per slab")
    @CsvSource({
        // size, order, objects per slab; with 2 cpus min_objects = 4 * (fls(2) + 1) = 12
        "8,     0, 512",   // 4096 % 8 = 0
        "24,    0, 170",   // 4096 % 24 = 16 <= 4096/16
        "64,    0,  64",   // 4096 % 64 = 0
        "200,   0,  20",   // 4096 % 200 = 96 <= 256
        "700,   2,  23",   // 12 * 700 = 8400 -> min order 2; 16384 % 700 = 284 <= 1024
        "1100,  2,  14",   // 13200 -> order 2; 16384 % 1100 = 984 <= 1024
        "3000,  3,  10",   // min_objects clamped to 32768/3000 = 10; 32768 % 3000 = 2768 > 2048, <= 4096
        "4096,  3,   8",   // min_objects 8 (32768/4096): 32768 -> order 3
        "8192,  3,   4",   // kmalloc-8192: min_objects 4 -> 32768 -> order 3
        "40000, 4,   1",   // beyond an order-3 slab: get_order(40000) = 4
    })
    void ordersFollowSlubForTwoCpus(int size, int order, int objects) {
        int got = SlabOrder.calculate(size, PAGE, 2, 10);
        assertEquals(order, got);
        assertEquals(objects, SlabOrder.orderObjects(got, size, PAGE));
    }

    @Test
    void moreCpusAskForMoreObjectsPerSlab() {
        // 1 cpu: min_objects 8; 700 * 8 = 5600 -> order 1; 8192 % 700 = 492 <= 512
        assertEquals(1, SlabOrder.calculate(700, PAGE, 1, 10));
        // 64 cpus: fls(64) = 7, min_objects 32; 256 * 32 = 8192 -> order 1, 8192 % 256 = 0
        assertEquals(1, SlabOrder.calculate(256, PAGE, 64, 10));
        // 2 cpus: 256 * 12 = 3072 -> order 0, 16 objects
        assertEquals(0, SlabOrder.calculate(256, PAGE, 2, 10));
    }

    @Test
    void largerPagesTakeLowerOrders() {
        // 64 KiB pages: 3000 * 12 = 36000 <= 65536 -> order 0; 65536 % 3000 = 2536 <= 4096
        assertEquals(0, SlabOrder.calculate(3000, 65536, 2, 10));
    }

    @Test
    void sizeBeyondTheArenasLargestBlockIsRefused() {
        assertEquals(4, SlabOrder.calculate(65536, PAGE, 2, 4));
        assertEquals(SlabOrder.TOO_LARGE, SlabOrder.calculate(65537, PAGE, 2, 4));
    }

    @Test
    void helpersMatchTheKernels() {
        assertEquals(0, SlabOrder.fls(0));
        assertEquals(1, SlabOrder.fls(1));
        assertEquals(2, SlabOrder.fls(2));
        assertEquals(2, SlabOrder.fls(3));
        assertEquals(3, SlabOrder.fls(4));
        assertEquals(0, SlabOrder.getOrder(1, PAGE));
        assertEquals(0, SlabOrder.getOrder(4096, PAGE));
        assertEquals(1, SlabOrder.getOrder(4097, PAGE));
        assertEquals(3, SlabOrder.getOrder(32768, PAGE));
        assertEquals(4, SlabOrder.calcSlabOrder(3000, PAGE, 3, 3, 16)); // none fits: max + 1
    }
}
