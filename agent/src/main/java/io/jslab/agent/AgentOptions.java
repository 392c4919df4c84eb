package io.jslab.agent;

import io.jslab.arena.ArenaConfig;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The agent's option string, {@code key=value,key=value} (SPEC section 4), parsed strictly.
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message is one line naming the key,
 * the value and what is accepted, because that line is all a user sees: under {@code -javaagent}
 * it is printed as {@code jslab: <message>} before the JVM exits, under attach it travels back to
 * the attaching command in a system property. A key given twice is an error too: the second value
 * silently winning would hide a typo.
 */
record AgentOptions(
        WildcardMatcher include,
        WildcardMatcher exclude,
        int pageSize,
        int maxOrder,
        long maxBytes,
        boolean jmx,
        String dump,
        boolean verbose,
        boolean jfr,
        String source) {

    static final String KEYS = "include, exclude, arena.pagesize, arena.maxorder, arena.max, jmx, dump, verbose, jfr";

    static AgentOptions parse(String options) {
        String text = options == null ? "" : options.trim();
        WildcardMatcher include = WildcardMatcher.NONE;
        WildcardMatcher exclude = WildcardMatcher.NONE;
        int pageSize = ArenaConfig.DEFAULT.pageSize();
        int maxOrder = ArenaConfig.DEFAULT.maxOrder();
        long maxBytes = ArenaConfig.DEFAULT.maxBytes();
        boolean jmx = true;
        String dump = null;
        boolean verbose = false;
        boolean jfr = true;
        Set<String> seen = new LinkedHashSet<>();
        for (String pair : text.isEmpty() ? new String[0] : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("option '" + pair + "' has no value: write key=value, keys are " + KEYS);
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (!seen.add(key) && isKey(key)) {
                throw new IllegalArgumentException("option '" + key + "' is given twice: give each key once");
            }
            switch (key) {
                case "include" -> include = patterns(key, value);
                case "exclude" -> exclude = patterns(key, value);
                case "arena.pagesize" -> pageSize = pageSize(value);
                case "arena.maxorder" -> maxOrder = maxOrder(value);
                case "arena.max" -> maxBytes = size(key, value, "must be a size like 256m (suffixes k, m, g)");
                case "jmx" -> jmx = bool(key, value);
                case "dump" -> dump = dump(value);
                case "verbose" -> verbose = bool(key, value);
                case "jfr" -> jfr = bool(key, value);
                default -> throw new IllegalArgumentException("unknown option '" + key + "': accepted keys are " + KEYS);
            }
        }
        long chunk = (long) pageSize << maxOrder;
        if (chunk > ArenaConfig.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("arena.maxorder=" + maxOrder + ": with arena.pagesize=" + pageSize / 1024
                    + "k a chunk would be " + chunk + " bytes: pagesize << maxorder must be at most 1g");
        }
        if (maxBytes < chunk) {
            throw new IllegalArgumentException("arena.max=" + maxBytes + ": must hold at least one chunk of "
                    + chunk + " bytes (arena.pagesize << arena.maxorder)");
        }
        AgentOptions parsed = new AgentOptions(include, exclude, pageSize, maxOrder, maxBytes, jmx, dump, verbose, jfr, text);
        parsed.arenaConfig(); // the arena's own checks, should they ever be stricter than the ones above
        return parsed;
    }

    /** The arena's shape; the values were checked against its limits while parsing. */
    ArenaConfig arenaConfig() {
        return new ArenaConfig(pageSize, maxOrder, maxBytes);
    }

    private static boolean isKey(String key) {
        return (", " + KEYS + ",").contains(", " + key + ",");
    }

    private static WildcardMatcher patterns(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + "=: must be class-name patterns separated by ':' (* and ? as wildcards)");
        }
        return new WildcardMatcher(value);
    }

    private static int pageSize(String value) {
        String accepted = "must be a power of two from 4k to 64k";
        long size = size("arena.pagesize", value, accepted);
        if (size < ArenaConfig.MIN_PAGE_SIZE || size > ArenaConfig.MAX_PAGE_SIZE || Long.bitCount(size) != 1) {
            throw new IllegalArgumentException("arena.pagesize=" + value + ": " + accepted);
        }
        return (int) size;
    }

    private static int maxOrder(String value) {
        String accepted = "must be a whole number from " + ArenaConfig.MIN_ORDER + " to " + ArenaConfig.MAX_ORDER;
        try {
            int order = Integer.parseInt(value);
            if (order >= ArenaConfig.MIN_ORDER && order <= ArenaConfig.MAX_ORDER) {
                return order;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("arena.maxorder=" + value + ": " + accepted);
    }

    /** A byte count: digits, optionally followed by k, m or g (binary multiples, either case). */
    static long size(String key, String value, String accepted) {
        IllegalArgumentException bad = new IllegalArgumentException(key + "=" + value + ": " + accepted);
        if (value.isEmpty()) {
            throw bad;
        }
        char last = Character.toLowerCase(value.charAt(value.length() - 1));
        int shift = switch (last) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 12) {
            throw bad;
        }
        long number = Long.parseLong(digits);
        if (number == 0 || number > (Long.MAX_VALUE >> shift)) {
            throw bad;
        }
        return number << shift;
    }

    private static boolean bool(String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + ": must be true or false");
        };
    }

    private static String dump(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("dump=: must be a file name, stdout or stderr");
        }
        return value;
    }
}
