package io.jslab.jmx;

import io.jslab.slab.SlabCacheStats;
import java.util.List;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * The {@code Caches} attribute: {@code /proc/slabinfo} as an open-type table, one row per cache
 * indexed by name. The first eight columns are the kernel's, under its own names; the others
 * are jslab's churn figures, which the text format has no room for.
 */
final class CachesTable {

    private static final String[] COLUMNS = {
        "name", "active_objs", "num_objs", "objsize", "objperslab", "pagesperslab",
        "active_slabs", "num_slabs",
        "memory_bytes", "allocations", "frees", "allocation_failures", "allocation_rate", "free_rate",
    };

    private static final String[] DESCRIPTIONS = {
        "cache name", "slots in use", "slots in all slabs", "bytes per slot", "slots per slab",
        "pages per slab", "slabs with a slot in use", "slabs held, empty ones included",
        "arena bytes held by the slabs", "slots handed out since creation",
        "slots given back since creation", "allocations refused for lack of arena memory",
        "allocations per second, last few seconds", "frees per second, last few seconds",
    };

    private static final OpenType<?>[] TYPES = {
        SimpleType.STRING, SimpleType.LONG, SimpleType.LONG, SimpleType.INTEGER, SimpleType.INTEGER,
        SimpleType.INTEGER, SimpleType.LONG, SimpleType.LONG,
        SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.DOUBLE,
        SimpleType.DOUBLE,
    };

    static final CompositeType ROW;
    static final TabularType TYPE;

    static {
        try {
            ROW = new CompositeType("io.jslab.SlabinfoRow", "One slab cache, a row of /proc/slabinfo",
                    COLUMNS, DESCRIPTIONS, TYPES);
            TYPE = new TabularType("io.jslab.Slabinfo", "Every slab cache, as /proc/slabinfo",
                    ROW, new String[] {"name"});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CachesTable() {}

    /** The table of one snapshot per cache. */
    static TabularData of(List<SlabCacheStats> caches) {
        TabularDataSupport table = new TabularDataSupport(TYPE, Math.max(16, caches.size() * 2), 0.75f);
        for (SlabCacheStats stats : caches) {
            table.put(row(stats));
        }
        return table;
    }

    static CompositeDataSupport row(SlabCacheStats s) {
        Object[] values = {
            s.name(), s.activeObjects(), s.numObjects(), s.objectSize(), s.objectsPerSlab(),
            s.pagesPerSlab(), s.activeSlabs(), s.numSlabs(),
            s.memoryBytes(), s.allocations(), s.frees(), s.allocationFailures(), s.allocationRate(),
            s.freeRate(),
        };
        try {
            return new CompositeDataSupport(ROW, COLUMNS, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("slabinfo row does not match its type: " + s, e);
        }
    }
}
