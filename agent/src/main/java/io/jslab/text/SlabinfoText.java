package io.jslab.text;

import io.jslab.slab.SlabCacheStats;
import java.util.List;
import java.util.Locale;

/**
 * The {@code /proc/slabinfo} text, version 2.1, byte for byte as the kernel prints it without
 * statistics ({@code print_slabinfo_header} and {@code cache_show} in {@code mm/slab_common.c}),
 * so {@code slabtop} and other parsers read it.
 *
 * <pre>
 * slabinfo - version: 2.1
 * # name            &lt;active_objs&gt; &lt;num_objs&gt; ... : tunables ... : slabdata ...
 * kmalloc-64            130    192     64   64    1 : tunables    0    0    0 : slabdata      3      3      0
 * </pre>
 *
 * Each row is {@code "%-17s %6lu %6lu %6u %4u %4d"}, {@code " : tunables %4u %4u %4u"} (SLUB
 * has no tunables: 0 0 0), {@code " : slabdata %6lu %6lu %6lu"} (sharedavail 0) and a newline.
 * As in C, a longer name or number widens its column instead of being cut.
 */
public final class SlabinfoText {

    /** The two header lines, each ending in a newline. */
    public static final String HEADER = "slabinfo - version: 2.1\n"
            + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
            + " : tunables <limit> <batchcount> <sharedfactor>"
            + " : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

    private SlabinfoText() {}

    /** The header, then one row per cache in the order given. */
    public static String format(List<SlabCacheStats> caches) {
        StringBuilder text = new StringBuilder(HEADER.length() + caches.size() * 110);
        text.append(HEADER);
        for (SlabCacheStats c : caches) {
            text.append(row(c));
        }
        return text.toString();
    }

    /** One cache's row, newline included. */
    public static String row(SlabCacheStats c) {
        // Locale.ROOT: ASCII digits whatever the default locale.
        return String.format(Locale.ROOT,
                "%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : slabdata %6d %6d %6d\n",
                c.name(), c.activeObjects(), c.numObjects(), c.objectSize(), c.objectsPerSlab(),
                c.pagesPerSlab(), 0, 0, 0, c.activeSlabs(), c.numSlabs(), 0);
    }
}
