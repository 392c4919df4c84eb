package io.jslab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads slabinfo text (SPEC section 7, the kernel's version 2.x layout) the way procps'
 * {@code library/slabinfo.c} does for slabtop: the first line must announce version 2.x, lines
 * starting with {@code #} are comments, and every other line is
 * {@code name active_objs num_objs objsize objperslab pagesperslab : tunables l b s : slabdata
 * active_slabs num_slabs sharedavail}. procps multiplies by the machine's page size to get CACHE
 * SIZE; jslab's slabs are made of arena pages, so the caller passes the arena's page size.
 */
final class SlabinfoParser {

    private static final Pattern VERSION = Pattern.compile("slabinfo - version: 2\\.\\d+");
    private static final Pattern ROW = Pattern.compile(
            "(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)"
            + "\\s+:\\s+tunables\\s+\\d+\\s+\\d+\\s+\\d+"
            + "\\s+:\\s+slabdata\\s+(\\d+)\\s+(\\d+)\\s+\\d+.*");

    private SlabinfoParser() {
    }

    /**
     * @param text     slabinfo text, rows in the order the caches were listed
     * @param pageSize bytes per page of the slabs' pages
     * @return one row per cache, in the text's order
     * @throws IllegalArgumentException naming the first line that is not slabinfo 2.x
     */
    static List<CacheRow> parse(String text, long pageSize) {
        String[] lines = text.split("\n", -1);
        if (!VERSION.matcher(lines[0].strip()).matches()) {
            throw new IllegalArgumentException("not slabinfo version 2.x text, it starts with '"
                    + lines[0] + "'");
        }
        List<CacheRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("slabinfo line " + (i + 1)
                        + " is not 'name active_objs num_objs objsize objperslab pagesperslab"
                        + " : tunables l b s : slabdata active_slabs num_slabs sharedavail': '"
                        + line + "'");
            }
            rows.add(CacheRow.of(m.group(1), number(m, 2), number(m, 3), number(m, 4),
                    number(m, 5), number(m, 6), number(m, 7), number(m, 8), pageSize));
        }
        return rows;
    }

    private static long number(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }
}
