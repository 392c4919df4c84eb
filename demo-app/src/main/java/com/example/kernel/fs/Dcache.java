package com.example.kernel.fs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dentry cache: at most {@code capacity} dentries, the least recently used one evicted when
 * a new one comes in. Not thread-safe; the {@link Vfs} guards it.
 */
final class Dcache {

    private final int capacity;
    private final LinkedHashMap<String, Dentry> entries;
    private long evictions;

    Dcache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        // Access order: a hit moves the entry to the young end, so eviction takes the coldest.
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Dentry> eldest) {
                boolean full = size() > Dcache.this.capacity;
                if (full) {
                    evictions++;
                }
                return full;
            }
        };
    }

    /** The dentry of {@code name}, marked as just used, or {@code null}. */
    Dentry get(String name) {
        return entries.get(name);
    }

    /** Adds a dentry, evicting the least recently used one if the cache is full. */
    void put(Dentry dentry) {
        entries.put(dentry.name(), dentry);
    }

    int size() {
        return entries.size();
    }

    int capacity() {
        return capacity;
    }

    long evictions() {
        return evictions;
    }

    /** Whether {@code name} is cached, without marking it as used. */
    boolean contains(String name) {
        return entries.containsKey(name);
    }
}
