package io.jslab.jmx;

import static io.jslab.jmx.SlabCacheMBeanTest.allocate;
import static io.jslab.jmx.SlabCacheMBeanTest.assertDescribed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.slab.SlabCache;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuddyArenaMBeanTest {

    private JmxFixture fixture;
    private ObjectName arena;

    @BeforeEach
    void start() throws Exception {
        fixture = new JmxFixture();
        arena = JmxFixture.name("io.jslab:type=BuddyArena");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /**
     * One order-0 slab out of a fresh 16-page chunk splits it into free blocks of orders 0 to 3
     * (the kernel's expand()): 15 free pages. unusable_free_index(o) = (15 - suitable pages) / 15
     * truncated to thousandths; __fragmentation_index is -1 where a block fits, and at order 4
     * 1000 - (1000 + 15 * 1000 / 16) / 4 = 516.
     */
    @Test
    void attributesShowTheSplitOfAFreshChunk() throws Exception {
        SlabCache cache = fixture.allocator.createCache("com.acme.Order", 24, false);
        allocate(cache, 1);
        try (LoopbackConnector connector = new LoopbackConnector(fixture.server)) {
            MBeanServerConnection c = connector.connection();
            assertEquals(4096, c.getAttribute(arena, "PageSize"));
            assertEquals(4, c.getAttribute(arena, "MaxOrder"));
            assertEquals(1, c.getAttribute(arena, "Chunks"));
            assertEquals(2, c.getAttribute(arena, "MaxChunks"));
            assertEquals(16L, c.getAttribute(arena, "TotalPages"));
            assertEquals(15L, c.getAttribute(arena, "FreePages"));
            assertEquals(0L, c.getAttribute(arena, "AllocationFailures"));
            assertArrayEquals(new long[] {1, 1, 1, 1, 0}, (long[]) c.getAttribute(arena, "FreeBlocks"));
            // The same as an open-type table (rows key, value), as a client without jslab sees it.
            javax.management.openmbean.TabularData byOrder =
                    (javax.management.openmbean.TabularData) c.getAttribute(arena, "FreeBlocksByOrder");
            assertEquals(5, byOrder.size());
            for (int order = 0; order < 5; order++) {
                assertEquals(order < 4 ? 1L : 0L, byOrder.get(new Object[] {order}).get("value"), "order " + order);
            }
            assertArrayEquals(new double[] {0.0, 0.066, 0.2, 0.466, 1.0},
                    (double[]) c.getAttribute(arena, "UnusableIndex"));
            assertArrayEquals(new double[] {-1.0, -1.0, -1.0, -1.0, 0.516},
                    (double[]) c.getAttribute(arena, "FragmentationIndex"));
            assertEquals("Node 0, zone    Arena      1      1      1      1      0 \n",
                    c.invoke(arena, "buddyinfo", null, null));
        }
    }

    @Test
    void everyFeatureIsDescribed() throws Exception {
        MBeanInfo info = fixture.server.getMBeanInfo(arena);
        assertDescribed("BuddyArena", info.getDescription());
        assertEquals(11, info.getAttributes().length);
        for (var attribute : info.getAttributes()) {
            assertDescribed(attribute.getName(), attribute.getDescription());
        }
        assertEquals(1, info.getOperations().length);
        assertDescribed("buddyinfo", info.getOperations()[0].getDescription());
    }
}
