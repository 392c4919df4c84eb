package io.jslab.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.slab.SlabCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlabCacheMBeanTest {

    private static final String[] ATTRIBUTES = {
        "Name", "ObjectSize", "ObjectsPerSlab", "PagesPerSlab", "ActiveObjects", "NumObjects",
        "ActiveSlabs", "NumSlabs", "FullSlabs", "PartialSlabs", "EmptySlabs", "Allocations", "Frees",
        "AllocationFailures", "AllocationRate", "FreeRate", "MemoryBytes", "ActiveBytes",
        "MedianLifetimeMillis", "P99LifetimeMillis", "Exact", "ActiveObjectsError", "WatchedFraction",
    };

    private JmxFixture fixture;

    @BeforeEach
    void start() {
        fixture = new JmxFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /**
     * 24-byte slots: 170 to a 4 KiB slab (16 bytes left over), order 0 for min_objects 8. The
     * thread's magazine (64 slots) refills 32 at a time, so 180 allocations take 192 slots from
     * the slabs: the first full, 22 of the second; the 5 frees stay in the magazine.
     */
    @Test
    void everyAttributeMatchesWhatWasAllocatedAndFreed() throws Exception {
        SlabCache cache = fixture.allocator.createCache("com.acme.Order", 20, false);
        List<Long> slots = allocate(cache, 180);
        for (int i = 0; i < 5; i++) {
            cache.free(slots.get(i));
        }
        try (LoopbackConnector connector = new LoopbackConnector(fixture.server)) {
            Map<String, Object> read = readAll(connector.connection(), JmxFixture.cacheName("com.acme.Order"));

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("Name", "com.acme.Order");
            expected.put("ObjectSize", 24);
            expected.put("ObjectsPerSlab", 170);
            expected.put("PagesPerSlab", 1);
            expected.put("ActiveObjects", 175L);
            expected.put("NumObjects", 340L);
            expected.put("ActiveSlabs", 2L);
            expected.put("NumSlabs", 2L);
            expected.put("FullSlabs", 1L);
            expected.put("PartialSlabs", 1L);
            expected.put("EmptySlabs", 0L);
            expected.put("Allocations", 180L);
            expected.put("Frees", 5L);
            expected.put("AllocationFailures", 0L);
            expected.put("MemoryBytes", 2L * 4096);
            expected.put("ActiveBytes", 175L * 24);
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                assertEquals(e.getValue(), read.get(e.getKey()), e.getKey());
            }
            for (String rate : new String[] {"AllocationRate", "FreeRate", "MedianLifetimeMillis", "P99LifetimeMillis"}) {
                double value = (Double) read.get(rate);
                assertTrue(value >= 0 && Double.isFinite(value), rate + " = " + value);
            }
        }
    }

    @Test
    void attributesReadOneByOneAgreeWithTheCacheStatistics() throws Exception {
        SlabCache cache = fixture.allocator.createCache("kmalloc-like", 100, true);
        allocate(cache, 7);
        ObjectName name = JmxFixture.cacheName("kmalloc-like");
        var stats = cache.stats();
        assertEquals(128, fixture.server.getAttribute(name, "ObjectSize"));
        assertEquals(stats.objectsPerSlab(), fixture.server.getAttribute(name, "ObjectsPerSlab"));
        assertEquals(stats.pagesPerSlab(), fixture.server.getAttribute(name, "PagesPerSlab"));
        assertEquals(7L, fixture.server.getAttribute(name, "ActiveObjects"));
        assertEquals(stats.numObjects(), fixture.server.getAttribute(name, "NumObjects"));
        assertEquals(1L, fixture.server.getAttribute(name, "PartialSlabs"));
        assertEquals(Double.NaN, fixture.server.getAttribute(name, "MedianLifetimeMillis"));
        assertEquals(Double.NaN, fixture.server.getAttribute(name, "P99LifetimeMillis"));
    }

    @Test
    void shrinkGivesEmptySlabsBackAndReturnsThePages() throws Exception {
        SlabCache cache = fixture.allocator.createCache("com.acme.Order", 24, false);
        List<Long> slots = allocate(cache, 171);
        slots.forEach(cache::free);
        ObjectName name = JmxFixture.cacheName("com.acme.Order");
        assertEquals(0L, fixture.server.getAttribute(name, "ActiveObjects"));
        assertEquals(2L, fixture.server.getAttribute(name, "NumSlabs"));
        // In process, the operation runs on this thread: the cache takes back its magazine first.
        assertEquals(2L, fixture.server.invoke(name, "shrink", null, null));
        assertEquals(0L, fixture.server.getAttribute(name, "EmptySlabs"));
        assertEquals(0L, fixture.server.getAttribute(name, "NumSlabs"));
        assertEquals(0L, fixture.server.invoke(name, "shrink", null, null));
    }

    @Test
    void aCacheOfTheDirectApiIsExactAndCannotBeMadeOtherwise() throws Exception {
        fixture.allocator.createCache("com.acme.Direct", 24, false);
        javax.management.ObjectName name = JmxFixture.cacheName("com.acme.Direct");
        assertEquals(true, fixture.server.getAttribute(name, "Exact"));
        assertEquals(0L, fixture.server.getAttribute(name, "ActiveObjectsError"));
        assertEquals(1.0, fixture.server.getAttribute(name, "WatchedFraction"));
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> fixture.server.setAttribute(name, new javax.management.Attribute("Exact", false)));
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("cache com.acme.Direct holds no tracked class: every one of its slots is an object already",
                cause.getMessage());
    }

    @Test
    void everyFeatureIsDescribedAndEveryFigureIsChartable() throws Exception {
        fixture.allocator.createCache("com.acme.Order", 24, false);
        MBeanInfo info = fixture.server.getMBeanInfo(JmxFixture.cacheName("com.acme.Order"));
        assertTrue(info.getDescription().startsWith("One jslab slab cache"), info.getDescription());
        List<String> names = new ArrayList<>();
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            names.add(attribute.getName());
            assertDescribed(attribute.getName(), attribute.getDescription());
            assertEquals(attribute.getName().equals("Exact"), attribute.isWritable(), attribute.getName());
            if (attribute.getName().equals("Exact")) {
                assertEquals("boolean", attribute.getType());
            } else if (!attribute.getName().equals("Name")) {
                assertTrue(List.of("int", "long", "double").contains(attribute.getType()),
                        attribute.getName() + " is " + attribute.getType());
            }
        }
        assertEquals(List.of(ATTRIBUTES).stream().sorted().toList(), names.stream().sorted().toList());
        MBeanOperationInfo[] operations = info.getOperations();
        assertEquals(1, operations.length);
        assertEquals("shrink", operations[0].getName());
        assertEquals("long", operations[0].getReturnType());
        assertEquals(MBeanOperationInfo.ACTION, operations[0].getImpact());
        assertDescribed("shrink", operations[0].getDescription());
    }

    static void assertDescribed(String feature, String description) {
        assertTrue(description != null && description.length() > 10, feature + ": " + description);
        assertNotEquals(feature, description);
        assertFalse(description.startsWith("Attribute exposed") || description.startsWith("Operation exposed"),
                feature + ": " + description);
    }

    static List<Long> allocate(SlabCache cache, int n) {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long slot = cache.allocate();
            assertNotEquals(SlabCache.NO_MEMORY, slot);
            slots.add(slot);
        }
        return slots;
    }

    private static Map<String, Object> readAll(MBeanServerConnection connection, ObjectName name) throws Exception {
        AttributeList list = connection.getAttributes(name, ATTRIBUTES);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attribute attribute : list.asList()) {
            values.put(attribute.getName(), attribute.getValue());
        }
        assertEquals(ATTRIBUTES.length, values.size(), "attributes read: " + values.keySet());
        return values;
    }
}
