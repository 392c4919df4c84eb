package io.jslab.agent;

import io.jslab.arena.ArenaConfig;
import io.jslab.track.ObjectTracker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

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
        boolean trackExact,
        long watchBudget,
        WildcardMatcher exact,
        boolean jfr,
        String source) {

    static final String KEYS = "include, exclude, arena.pagesize, arena.maxorder, arena.max, jmx, dump, verbose,"
            + " track, track.budget, exact, jfr";

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
        boolean trackExact = false;
        long watchBudget = ObjectTracker.DEFAULT_WATCH_BUDGET;
        WildcardMatcher exact = WildcardMatcher.NONE;
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
                case "dump" -> dump = DumpTarget.check(value);
                case "verbose" -> verbose = bool(key, value);
                case "track" -> trackExact = track(value);
                case "track.budget" -> watchBudget = rate(key, value);
                case "exact" -> exact = patterns(key, value);
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
        AgentOptions parsed = new AgentOptions(include, exclude, pageSize, maxOrder, maxBytes, jmx, dump, verbose,
                trackExact, watchBudget, exact, jfr, text);
        parsed.arenaConfig(); // the arena's own checks, should they ever be stricter than the ones above
        return parsed;
    }

    /** The keys that choose the classes: the only ones a second attach may change. */
    static final Set<String> SELECTION = Set.of("include", "exclude", "exact");

    /** The keys given in the option string, in order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String pair : pairs()) {
            keys.add(pair.substring(0, pair.indexOf('=')).trim());
        }
        return keys;
    }

    /** Whether the option string gives {@code include}, {@code exclude} or {@code exact}. */
    boolean givesSelection() {
        return keys().stream().anyMatch(SELECTION::contains);
    }

    /**
     * For a second attach into a JVM where {@code running} is in force: the message naming the
     * first key given here, other than the selection's, whose value differs from the running one;
     * null when there is none. The arena, JMX and dump are set up once per attach, so changing
     * them takes a detach first; a key repeated with its running value is fine.
     */
    String unchangeableKeyChanged(AgentOptions running) {
        for (String key : keys()) {
            Object mine = value(key);
            Object theirs = running.value(key);
            if (!SELECTION.contains(key) && !Objects.equals(mine, theirs)) {
                return "option '" + key + "' cannot change while jslab runs (only include, exclude and exact can):"
                        + " detach first, then attach with the new value";
            }
        }
        return null;
    }

    /** The option string in force once {@code next}'s selection replaces this one's. */
    String withSelectionOf(AgentOptions next) {
        List<String> pairs = new ArrayList<>();
        for (String pair : pairs()) {
            if (!SELECTION.contains(pair.substring(0, pair.indexOf('=')).trim())) {
                pairs.add(pair.trim());
            }
        }
        for (String pair : next.pairs()) {
            if (SELECTION.contains(pair.substring(0, pair.indexOf('=')).trim())) {
                pairs.add(pair.trim());
            }
        }
        return String.join(",", pairs);
    }

    private List<String> pairs() {
        return source.isEmpty() ? List.of() : List.of(source.split(",", -1));
    }

    private Object value(String key) {
        return switch (key) {
            case "arena.pagesize" -> pageSize;
            case "arena.maxorder" -> maxOrder;
            case "arena.max" -> maxBytes;
            case "jmx" -> jmx;
            case "dump" -> dump;
            case "verbose" -> verbose;
            case "track" -> trackExact;
            case "track.budget" -> watchBudget;
            case "jfr" -> jfr;
            default -> key; // include, exclude, exact: compared elsewhere
        };
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

    /** Which classes are watched entirely whatever their rate: every class under track=exact. */
    Predicate<Class<?>> exactClasses() {
        return type -> exactName(type.getName());
    }

    /** Whether the class of this binary name is watched entirely whatever its rate. */
    boolean exactName(String className) {
        return trackExact || exact.matches(className);
    }

    private static boolean track(String value) {
        return switch (value) {
            case "auto" -> false;
            case "exact" -> true;
            default -> throw new IllegalArgumentException("track=" + value
                    + ": must be auto (count all, watch a sample) or exact (watch every object)");
        };
    }

    /** A rate a second: digits, optionally followed by k (thousands) or m (millions). */
    static long rate(String key, String value) {
        IllegalArgumentException bad = new IllegalArgumentException(key + "=" + value
                + ": must be a whole number of objects a second from 1, like 50k (suffixes k, m)");
        if (value.isEmpty()) {
            throw bad;
        }
        char last = Character.toLowerCase(value.charAt(value.length() - 1));
        long unit = last == 'k' ? 1_000 : last == 'm' ? 1_000_000 : 1;
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
            throw bad;
        }
        long number = Long.parseLong(digits);
        if (number == 0) {
            throw bad;
        }
        return number * unit;
    }

    private static boolean bool(String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + ": must be true or false");
        };
    }
}
