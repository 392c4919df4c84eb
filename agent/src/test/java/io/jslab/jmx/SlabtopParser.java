package io.jslab.jmx;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads slabinfo text by the rules procps' {@code library/slabinfo.c} ({@code parse_slabinfo20},
 * what {@code slabtop} and {@code vmstat -m} use) applies to {@code /proc/slabinfo}: the first line
 * must be {@code slabinfo - version: 2.x}; a line starting with {@code #} is skipped; every other
 * line must fill eight conversions of
 * {@code "%128s %u %u %u %u %u : tunables %*u %*u %*u : slabdata %u %u %*u"}, else the read fails.
 * The conversions are done as C's {@code sscanf} does them: white space in the format matches any
 * run of white space, {@code %s} and {@code %u} skip leading white space, other characters must
 * match exactly.
 */
final class SlabtopParser {

    record Row(String name, long activeObjs, long numObjs, long objSize, long objsPerSlab, long pagesPerSlab,
               long activeSlabs, long numSlabs) {}

    private static final String FORMAT = "%s %u %u %u %u %u : tunables %*u %*u %*u : slabdata %u %u %*u";
    private static final int NAME_LEN = 128;

    private SlabtopParser() {}

    static List<Row> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].matches("slabinfo - version: 2\\.\\d+")) {
            throw new IllegalArgumentException("not slabinfo 2.x: " + lines[0]);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break; // the text's final newline: fgets reads nothing more
            }
            if (line.startsWith("#")) {
                continue;
            }
            List<Object> v = scan(line);
            if (v.size() < 8) {
                throw new IllegalArgumentException("line " + (i + 1) + " makes " + v.size() + " conversions: " + line);
            }
            rows.add(new Row((String) v.get(0), (Long) v.get(1), (Long) v.get(2), (Long) v.get(3),
                    (Long) v.get(4), (Long) v.get(5), (Long) v.get(6), (Long) v.get(7)));
        }
        return rows;
    }

    /** The assigned conversions of {@link #FORMAT} against {@code line}, stopping at the first mismatch. */
    private static List<Object> scan(String line) {
        List<Object> out = new ArrayList<>();
        int p = 0;
        for (int f = 0; f < FORMAT.length(); f++) {
            char c = FORMAT.charAt(f);
            if (c == ' ') {
                p = skipSpace(line, p);
            } else if (c == '%') {
                boolean assign = FORMAT.charAt(f + 1) != '*';
                char conversion = FORMAT.charAt(assign ? f + 1 : f + 2);
                f += assign ? 1 : 2;
                p = skipSpace(line, p);
                int start = p;
                if (conversion == 's') {
                    while (p < line.length() && !Character.isWhitespace(line.charAt(p)) && p - start < NAME_LEN) {
                        p++;
                    }
                } else {
                    while (p < line.length() && Character.isDigit(line.charAt(p))) {
                        p++;
                    }
                }
                if (p == start) {
                    return out;
                }
                if (assign) {
                    String token = line.substring(start, p);
                    out.add(conversion == 's' ? token : Long.parseLong(token));
                }
            } else {
                if (p >= line.length() || line.charAt(p) != c) {
                    return out;
                }
                p++;
            }
        }
        return out;
    }

    private static int skipSpace(String s, int p) {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }
}
