package io.jslab.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent says about an attach, read from the target's {@code io.jslab.agent.attach}
 * system property, which {@code agentmain} sets to one of three lines:
 * {@code ok <version> <n> classes instrumented},
 * {@code already loaded <version>: nothing instrumented twice} or {@code error: <message>}.
 */
final class AttachReport {

    static final String PROPERTY = "io.jslab.agent.attach";

    private static final Pattern OK = Pattern.compile("ok (\\S+) (\\d+) classes instrumented");
    private static final Pattern ALREADY = Pattern.compile("already loaded (\\S+): nothing instrumented twice");
    private static final Pattern ERROR = Pattern.compile("error: (.*)");

    private AttachReport() {
    }

    /**
     * @return the line to print on success
     * @throws CliException with the target's message when it refused the attach, or when the
     *         line is missing or not one of the three
     */
    static String describe(long pid, String line) {
        if (line == null) {
            throw new CliException("JVM " + pid + " loaded the jar but no jslab agent reported"
                    + " back (no " + PROPERTY + " property)");
        }
        Matcher m = OK.matcher(line);
        if (m.matches()) {
            long n = Long.parseLong(m.group(2));
            return "jslab " + m.group(1) + " attached to JVM " + pid + ": " + n
                    + (n == 1 ? " class" : " classes") + " instrumented";
        }
        m = ALREADY.matcher(line);
        if (m.matches()) {
            return "jslab " + m.group(1) + " was already loaded in JVM " + pid
                    + ": nothing instrumented twice";
        }
        m = ERROR.matcher(line);
        if (m.matches()) {
            throw new CliException("JVM " + pid + " refused the attach: " + m.group(1));
        }
        throw new CliException("JVM " + pid + " answered the attach with '" + line
                + "', which this jslab does not understand");
    }
}
