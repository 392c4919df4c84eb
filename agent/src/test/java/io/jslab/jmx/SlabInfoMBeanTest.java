package io.jslab.jmx;

import static io.jslab.jmx.SlabCacheMBeanTest.allocate;
import static io.jslab.jmx.SlabCacheMBeanTest.assertDescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.slab.SlabCache;
import java.util.List;
import java.util.Set;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlabInfoMBeanTest {

    static final String HEADER = "slabinfo - version: 2.1\n"
            + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
            + " : tunables <limit> <batchcount> <sharedfactor>"
            + " : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

    private JmxFixture fixture;
    private ObjectName slabInfo;

    @BeforeEach
    void start() throws Exception {
        fixture = new JmxFixture();
        slabInfo = JmxFixture.name("io.jslab:type=SlabInfo");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void cachesArriveAsATableThroughARealConnector() throws Exception {
        SlabCache order = fixture.allocator.createCache("com.acme.Order", 24, false);
        allocate(order, 3);
        fixture.allocator.createCache("com.acme.Outer$Node", 40, false);
        try (LoopbackConnector connector = new LoopbackConnector(fixture.server)) {
            MBeanServerConnection connection = connector.connection();
            Object caches = connection.getAttribute(slabInfo, "Caches");
            TabularData table = assertInstanceOf(TabularData.class, caches);
            assertEquals(Set.of(List.of("com.acme.Order"), List.of("com.acme.Outer$Node")), table.keySet());

            CompositeData row = table.get(new Object[] {"com.acme.Order"});
            assertEquals("com.acme.Order", row.get("name"));
            assertEquals(3L, row.get("active_objs"));
            assertEquals(170L, row.get("num_objs"));
            assertEquals(24, row.get("objsize"));
            assertEquals(170, row.get("objperslab"));
            assertEquals(1, row.get("pagesperslab"));
            assertEquals(1L, row.get("active_slabs"));
            assertEquals(1L, row.get("num_slabs"));
            assertEquals(3L, row.get("allocations"));
            assertEquals(0L, row.get("frees"));
            assertEquals(0L, row.get("allocation_failures"));
            assertEquals(4096L, row.get("memory_bytes"));

            CompositeData empty = table.get(new Object[] {"com.acme.Outer$Node"});
            assertEquals(0L, empty.get("active_objs"));
            assertEquals(0L, empty.get("num_slabs"));

            MBeanInfo info = connection.getMBeanInfo(slabInfo);
            MBeanAttributeInfo attribute = info.getAttributes()[0];
            assertEquals("Caches", attribute.getName());
            assertEquals(TabularData.class.getName(), attribute.getType());
            assertInstanceOf(TabularType.class, ((OpenMBeanAttributeInfo) attribute).getOpenType());
        }
    }

    /**
     * slabtop's summary over the same caches: 24-byte slots 170 to a slab (the magazine took 32),
     * 2 KiB slots 8 to a 4-page slab (the magazine holds at most 8, takes 4), and a cache with no
     * slab, which slabtop does not count as active.
     */
    @Test
    void totalsAreSlabtopsSummaryAndArriveInOneRead() throws Exception {
        SlabCache small = fixture.allocator.createCache("small", 24, false);
        SlabCache large = fixture.allocator.createCache("large", 2048, false);
        fixture.allocator.createCache("unused", 64, false);
        allocate(small, 30);
        allocate(large, 3);
        String[] names = {"NumCaches", "ActiveCaches", "ActiveObjects", "NumObjects", "ActiveSlabs", "NumSlabs",
            "ActiveSize", "TotalSize", "MemoryBytes"};
        Object[] expected = {3, 2, 33L, 178L, 2L, 2L, 30L * 24 + 3L * 2048, 170L * 24 + 8L * 2048,
            4096L + 4L * 4096};
        try (LoopbackConnector connector = new LoopbackConnector(fixture.server)) {
            List<Attribute> read = connector.connection().getAttributes(slabInfo, names).asList();
            assertEquals(names.length, read.size());
            for (int i = 0; i < names.length; i++) {
                assertEquals(names[i], read.get(i).getName());
                assertEquals(expected[i], read.get(i).getValue(), names[i]);
            }
        }
    }

    @Test
    void slabinfoIsTheKernelsText() throws Exception {
        SlabCache order = fixture.allocator.createCache("com.acme.Order", 24, false);
        allocate(order, 7);
        fixture.allocator.createCache("a-cache-name-longer-than-17", 64, true);
        String expected = HEADER
                + "com.acme.Order         7    170     24  170    1 : tunables    0    0    0 : slabdata      1      1      0\n"
                + "a-cache-name-longer-than-17      0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0\n";
        assertEquals(expected, fixture.server.invoke(slabInfo, "slabinfo", null, null));
        assertEquals(fixture.allocator.slabinfo(), fixture.server.invoke(slabInfo, "slabinfo", null, null));
    }

    @Test
    void shrinkShrinksEveryCacheAndReturnsThePages() throws Exception {
        SlabCache small = fixture.allocator.createCache("small", 24, false);
        SlabCache large = fixture.allocator.createCache("large", 2048, false);
        allocate(small, 10).forEach(small::free);
        allocate(large, 8).forEach(large::free);
        // one 1-page slab of 24-byte slots and one 4-page slab of 2 KiB slots, all free
        assertEquals(1L, small.stats().numSlabs());
        assertEquals(1L, large.stats().numSlabs());
        assertEquals(5L, fixture.server.invoke(slabInfo, "shrink", null, null));
        assertEquals(0L, small.stats().numSlabs());
        assertEquals(0L, large.stats().numSlabs());
    }

    @Test
    void everyFeatureIsDescribed() throws Exception {
        MBeanInfo info = fixture.server.getMBeanInfo(slabInfo);
        assertDescribed("SlabInfo", info.getDescription());
        assertEquals(10, info.getAttributes().length);
        for (var attribute : info.getAttributes()) {
            assertDescribed(attribute.getName(), attribute.getDescription());
            if (!attribute.getName().equals("Caches")) {
                assertTrue(List.of("java.lang.Integer", "java.lang.Long").contains(attribute.getType()),
                        attribute.getName() + " is " + attribute.getType());
            }
        }
        assertEquals(2, info.getOperations().length);
        for (var operation : info.getOperations()) {
            assertDescribed(operation.getName(), operation.getDescription());
        }
        assertEquals(3, info.getNotifications().length);
        for (var notification : info.getNotifications()) {
            assertDescribed(notification.getNotifTypes()[0], notification.getDescription());
        }
    }
}
