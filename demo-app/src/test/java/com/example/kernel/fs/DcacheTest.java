package com.example.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DcacheTest {

    private static Dentry dentry(String name) {
        return new Dentry(name, new Inode(name.hashCode(), 0, 0));
    }

    @Test
    void theLeastRecentlyUsedDentryIsEvictedWhenFull() {
        Dcache dcache = new Dcache(3);
        Dentry a = dentry("a");
        dcache.put(a);
        dcache.put(dentry("b"));
        dcache.put(dentry("c"));
        assertSame(a, dcache.get("a")); // a is now the most recently used; b the least
        dcache.put(dentry("d"));
        assertEquals(3, dcache.size());
        assertEquals(1, dcache.evictions());
        assertFalse(dcache.contains("b"));
        assertTrue(dcache.contains("a"));
        assertTrue(dcache.contains("c"));
        assertTrue(dcache.contains("d"));
    }

    @Test
    void containsDoesNotCountAsAUse() {
        Dcache dcache = new Dcache(2);
        dcache.put(dentry("a"));
        dcache.put(dentry("b"));
        assertTrue(dcache.contains("a"));
        dcache.put(dentry("c"));
        assertFalse(dcache.contains("a"));
        assertNull(dcache.get("a"));
    }

    @Test
    void sizeNeverExceedsTheCapacity() {
        Dcache dcache = new Dcache(4);
        for (int i = 0; i < 100; i++) {
            dcache.put(dentry("f" + i));
            assertEquals(Math.min(i + 1, 4), dcache.size());
        }
        assertEquals(96, dcache.evictions());
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertEquals("capacity must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Dcache(0)).getMessage());
    }
}
