package io.jslab.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent says about an attach, read from the target's {@code io.jslab.agent.attach}
 * system property, which {@code agentmain} sets to one of four lines:
 * {@code ok <version> <n> classes instrumented},
 * {@code reselected <version> <n> classes instrumented; <m> left[: <names>]} (a second attach
 * that changed the selection),
 * {@code already loaded <version>: selection unchanged, <n> classes instrumented} or
 * {@code error: <message>}.
 *
 * <p>When no class is instrumented and the options name no {@code include}, the line says that
 * nothing is selected and suggests an {@code include} ({@link IncludeSuggestion}): an application
 * without the annotation is the usual reason, and a second attach with the suggestion fixes it.
 */
final class AttachReport {

    static final String PROPERTY = "io.jslab.agent.attach";

    private static final Pattern OK = Pattern.compile("ok (\\S+) (\\d+) classes instrumented");
    private static final Pattern RESELECTED =
            Pattern.compile("reselected (\\S+) (\\d+) classes instrumented; (\\d+) left(?:: (.*))?");
    private static final Pattern ALREADY =
            Pattern.compile("already loaded (\\S+): selection unchanged, (\\d+) classes instrumented");
    private static final Pattern ERROR = Pattern.compile("error: (.*)");

    private AttachReport() {
    }

    /** As below, for options that name an {@code include}: no suggestion is needed. */
    static String describe(long pid, String line) {
        return describe(pid, line, null);
    }

    /**
     * @param suggestion what to try when nothing is selected, such as {@code include=com.acme.*};
     *                   null when the options name an {@code include} already
     * @return the line to print on success
     * @throws CliException with the target's message when it refused the attach, or when the
     *         line is missing or not one of the four
     */
    static String describe(long pid, String line, String suggestion) {
        if (line == null) {
            throw new CliException("JVM " + pid + " loaded the jar but no jslab agent reported"
                    + " back (no " + PROPERTY + " property)");
        }
        Matcher m = OK.matcher(line);
        if (m.matches()) {
            return "jslab " + m.group(1) + " attached to JVM " + pid + ": " + instrumented(m.group(2), suggestion);
        }
        m = RESELECTED.matcher(line);
        if (m.matches()) {
            long left = Long.parseLong(m.group(3));
            return "jslab " + m.group(1) + " in JVM " + pid + ": selection changed, " + instrumented(m.group(2), suggestion)
                    + (left == 0 ? "" : "; left the selection (original code back, caches count no new objects): "
                    + String.join(", ", m.group(4).split(" ")));
        }
        m = ALREADY.matcher(line);
        if (m.matches()) {
            return "jslab " + m.group(1) + " was already loaded in JVM " + pid + ": selection unchanged, "
                    + instrumented(m.group(2), suggestion);
        }
        m = ERROR.matcher(line);
        if (m.matches()) {
            throw new CliException("JVM " + pid + " refused the attach: " + m.group(1));
        }
        throw new CliException("JVM " + pid + " answered the attach with '" + line
                + "', which this jslab does not understand");
    }

    private static String instrumented(String count, String suggestion) {
        long n = Long.parseLong(count);
        String classes = n + (n == 1 ? " class" : " classes") + " instrumented";
        return n == 0 && suggestion != null ? "nothing selected: " + classes + "; try " + suggestion : classes;
    }
}
