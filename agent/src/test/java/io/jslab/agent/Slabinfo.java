package io.jslab.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the text a fixture printed: slabinfo rows ({@code active_objs} by cache) and {@code histogram} lines. */
final class Slabinfo {

    private Slabinfo() {}

    /** Active objects by cache name, from every slabinfo row in {@code text}. */
    static Map<String, Long> activeObjects(String text) {
        Map<String, Long> active = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("slabinfo - version: 2.1")) {
                inTable = true;
            } else if (inTable && !line.startsWith("#") && !line.isBlank() && !line.startsWith("histogram ")) {
                String[] fields = line.trim().split("\\s+");
                active.put(fields[0], Long.parseLong(fields[1]));
            }
        }
        return active;
    }

    /** Counts from the fixture's {@code histogram <class> <count>} lines. */
    static Map<String, Long> histogram(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("histogram ")) {
                String[] fields = line.split(" ");
                counts.put(fields[1], Long.parseLong(fields[2].trim()));
            }
        }
        return counts;
    }
}
