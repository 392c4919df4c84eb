package io.jslab.agent;

import java.util.regex.Pattern;

/**
 * Class-name patterns as the {@code include} and {@code exclude} options take them, with the
 * semantics of JaCoCo's agent: alternatives separated by {@code :}, {@code *} for any run of
 * characters (dots included, so {@code com.acme.*} takes sub-packages too) and {@code ?} for one
 * character. Names are binary names, {@code com.acme.Outer$Node}; everything else is literal.
 */
final class WildcardMatcher {

    /** Matches nothing: the value of an option that was not given. */
    static final WildcardMatcher NONE = new WildcardMatcher(null);

    private final Pattern pattern;

    WildcardMatcher(String expression) {
        this.pattern = expression == null ? null : Pattern.compile(toRegex(expression));
    }

    boolean matches(String className) {
        return pattern != null && pattern.matcher(className).matches();
    }

    private static String toRegex(String expression) {
        StringBuilder regex = new StringBuilder();
        for (String part : expression.split(":", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append("(?:");
            for (char c : part.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            regex.append(')');
        }
        // Only separators: matches nothing rather than the empty name.
        return regex.length() == 0 ? "(?!)" : regex.toString();
    }

    @Override
    public String toString() {
        return pattern == null ? "" : pattern.pattern();
    }
}
