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
    ACTIVE_OBJS('a', CacheRow::activeObjs),
    OBJS_PER_SLAB('b', CacheRow::objPerSlab),
    CACHE_SIZE('c', CacheRow::cacheSize),
    SLABS('l', CacheRow::numSlabs),
    ACTIVE_SLABS('v', CacheRow::activeSlabs),
    NAME('n', null),
    OBJS('o', CacheRow::numObjs),
    PAGES_PER_SLAB('p', CacheRow::pagesPerSlab),
    OBJ_SIZE('s', CacheRow::objSize),
    USE('u', CacheRow::use);

    /** slabtop's default, {@code DEFAULT_SORT SLAB_NUM_OBJS}. */
    static final SortKey DEFAULT = OBJS;

    /** The accepted keys for messages, "a, b, c, l, v, n, o, p, s or u". */
    static final String ACCEPTED = "a, b, c, l, v, n, o, p, s or u";

    final char key;
    final Comparator<CacheRow> order;

    SortKey(char key, ToLongFunction<CacheRow> column) {
        this.key = key;
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
