package io.jslab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * slabtop's screen as lines of text, after procps {@code src/slabtop.c} as released in procps-ng
 * 4.0.x ({@code print_summary}, {@code print_headings}, {@code print_details}):
 *
 * <pre>
 *  Active / Total Objects (% used)    : 100 / 128 (78.1%)         " %-35s: %u / %u (%.1f%%)"
 *  Active / Total Slabs (% used)      : 4 / 4 (100.0%)
 *  Active / Total Caches (% used)     : 1 / 1 (100.0%)
 *  Active / Total Size (% used)       : 12.50K / 16.00K (78.1%)   " %-35s: %.2fK / %.2fK (%.1f%%)"
 *  Minimum / Average / Maximum Object : 0.12K / 0.12K / 0.12K     " %-35s: %.2fK / %.2fK / %.2fK"
 *
 *   OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME     "%-78s"
 *    128    100  78%    0.12K      4       32        16K kmalloc-128
 *                                   "%6u %6u %3u%% %7.2fK %6u %8u %9luK %-23s"
 * </pre>
 *
 * The heading and the rows keep slabtop's trailing blanks ({@code %-78s}, {@code %-23s}), so
 * {@code top -o} output compares byte for byte with slabtop's. Rows are sorted by the key with a
 * stable sort; {@code maxRows} cuts them to what fits on a screen.
 */
final class SlabtopText {

    static final String HEADING = String.format("%-78s",
            "  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME");

    /** Lines above the first row: five summary lines, a blank one, the heading. */
    static final int HEADER_LINES = 7;
    /** The blank line between the summary and the heading. */
    static final int BLANK_LINE = 5;

    private SlabtopText() {
    }

    static List<String> render(List<CacheRow> caches, SortKey sort, int maxRows) {
        SlabSummary s = SlabSummary.of(caches);
        List<String> lines = new ArrayList<>();
        lines.add(summary("Active / Total Objects (% used)", s.activeObjs() + " / " + s.numObjs()
                + " (" + CFormat.percent(s.activeObjs(), s.numObjs()) + "%)"));
        lines.add(summary("Active / Total Slabs (% used)", s.activeSlabs() + " / " + s.numSlabs()
                + " (" + CFormat.percent(s.activeSlabs(), s.numSlabs()) + "%)"));
        lines.add(summary("Active / Total Caches (% used)", s.activeCaches() + " / " + s.caches()
                + " (" + CFormat.percent(s.activeCaches(), s.caches()) + "%)"));
        lines.add(summary("Active / Total Size (% used)", kilobytes(s.activeSize()) + " / "
                + kilobytes(s.totalSize()) + " (" + CFormat.percent(s.activeSize(), s.totalSize())
                + "%)"));
        lines.add(summary("Minimum / Average / Maximum Object", kilobytes(s.minObjSize()) + " / "
                + kilobytes(s.avgObjSize()) + " / " + kilobytes(s.maxObjSize())));
        lines.add("");
        lines.add(HEADING);
        caches.stream().sorted(sort.order).limit(Math.max(0, maxRows))
                .forEach(row -> lines.add(row(row)));
        return lines;
    }

    static String row(CacheRow r) {
        return String.format("%6d %6d %3d%% %7sK %6d %8d %9dK %-23s", r.numObjs(), r.activeObjs(),
                r.use(), CFormat.fixed(r.objSize() / 1024.0, 2), r.numSlabs(), r.objPerSlab(),
                r.cacheSize() / 1024, r.label());
    }

    private static String summary(String label, String values) {
        return String.format(" %-35s: %s", label, values);
    }

    private static String kilobytes(long bytes) {
        return CFormat.fixed(bytes / 1024.0, 2) + "K";
    }
}
