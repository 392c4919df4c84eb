package io.jslab.cli;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * slabtop's sort criteria ({@code set_sort_stuff} in procps {@code src/slabtop.c}). Every key sorts
 * descending except the name, which sorts ascending; ties keep the order of the slabinfo text,
 * since procps sorts with a stable merge sort. Names compare by code point, as {@code strcoll}
 * does in the C locale.
 */
enum SortKey {
    ACTIVE_OBJS('a', "number of active objects", CacheRow::activeObjs),
    OBJS_PER_SLAB('b', "objects per slab", CacheRow::objPerSlab),
    CACHE_SIZE('c', "cache size", CacheRow::cacheSize),
    SLABS('l', "number of slabs", CacheRow::numSlabs),
    ACTIVE_SLABS('v', "(non display) number of active slabs", CacheRow::activeSlabs),
    NAME('n', "name", null),
    OBJS('o', "number of objects (the default)", CacheRow::numObjs),
    PAGES_PER_SLAB('p', "(non display) pages per slab", CacheRow::pagesPerSlab),
    OBJ_SIZE('s', "object size", CacheRow::objSize),
    USE('u', "cache utilization", CacheRow::use);

    /** slabtop's default, {@code DEFAULT_SORT SLAB_NUM_OBJS}. */
    static final SortKey DEFAULT = OBJS;

    /** The accepted keys for messages, "a, b, c, l, v, n, o, p, s or u". */
    static final String ACCEPTED = "a, b, c, l, v, n, o, p, s or u";

    final char key;
    final String meaning;
    final Comparator<CacheRow> order;

    SortKey(char key, String meaning, ToLongFunction<CacheRow> column) {
        this.key = key;
        this.meaning = meaning;
        this.order = column == null
                ? Comparator.comparing(CacheRow::name)
                : Comparator.comparingLong(column).reversed();
    }

    /** The criterion for a key in either case, as slabtop lowercases it; null for any other. */
    static SortKey of(int key) {
        String lower = String.valueOf((char) key).toLowerCase(Locale.ROOT);
        for (SortKey k : values()) {
            if (lower.equals(String.valueOf(k.key))) {
                return k;
            }
        }
        return null;
    }
}
