package io.jslab.cli;

import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detach <pid>}: undoes {@code attach}. It loads this jar into the target once more with
 * the option string {@code detach}, which {@code agentmain} takes as the instruction to remove
 * jslab; the agent answers in the system property {@value #PROPERTY}, one line:
 * {@code ok <version> <n> classes restored} or {@code error: <message>}. Why an agent load rather
 * than a JMX operation: it works with {@code jmx=false} too, it opens no JMX connector in the
 * target, and its answer travels the same way as the attach's, so its errors read the same.
 */
@Command(name = "detach", mixinStandardHelpOptions = true,
        description = {"Remove jslab from a running JVM, which runs on.",
                "Its classes get their original code back, tracking stops, the MBeans go and the arena's"
                        + " memory is returned; a later attach starts afresh."})
final class DetachCommand implements Callable<Integer> {

    static final String PROPERTY = "io.jslab.agent.detach";
    static final String INSTRUCTION = "detach";

    private static final Pattern OK = Pattern.compile("ok (\\S+) (\\d+) classes restored");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    @Override
    public Integer call() {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            if (jvm.systemProperties().getProperty(JslabMBeans.VERSION_PROPERTY) == null) {
                throw new CliException("jslab is not loaded in JVM " + pid + ": nothing to detach");
            }
            // No stale answer can be read here: every attach clears the property.
            jvm.loadAgent(AgentJar.path(), INSTRUCTION);
            spec.commandLine().getOut().println(describe(pid, jvm.systemProperties().getProperty(PROPERTY)));
        }
        return 0;
    }

    /** The line to print for the agent's answer; throws the one-line error it stands for. */
    static String describe(long pid, String line) {
        if (line == null) {
            throw new CliException("JVM " + pid + " loaded the jar but no jslab agent reported back (no "
                    + PROPERTY + " property): the jslab it runs may be older than this one, which cannot detach");
        }
        Matcher m = OK.matcher(line);
        if (m.matches()) {
            long n = Long.parseLong(m.group(2));
            return "jslab " + m.group(1) + " detached from JVM " + pid + ": " + n
                    + (n == 1 ? " class" : " classes") + " restored";
        }
        if (line.startsWith("error: ")) {
            throw new CliException("JVM " + pid + " refused the detach: " + line.substring("error: ".length()));
        }
        throw new CliException("JVM " + pid + " answered the detach with '" + line
                + "', which this jslab does not understand");
    }
}
