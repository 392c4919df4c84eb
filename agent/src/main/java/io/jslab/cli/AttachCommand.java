package io.jslab.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attach <pid> [options]}: loads this jar as an agent into a running JVM. The target checks
 * the options itself and answers through a system property (see {@link AttachReport}), so a bad
 * option leaves it running untouched and fails here with its message. Into a JVM where jslab
 * runs, {@code include}/{@code exclude} replace the selection; other keys must keep their values.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load jslab into a running JVM; selected classes it already loaded are retransformed.",
                "Where jslab runs already, include/exclude/exact replace the selection (detach to change the rest).",
                "Options as for -javaagent: include, exclude, arena.pagesize, arena.maxorder,"
                        + " arena.max, jmx, dump, verbose, track, track.budget, exact, jfr."})
final class AttachCommand implements Callable<Integer> {

    /** The first release that warns about agents loaded into a running JVM (JEP 451). */
    static final int WARNING_RELEASE = 21;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<options>",
            description = "agent options, key=value,key=value (for example include=com.acme.*)")
    String options = "";

    @Override
    public Integer call() {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            Path jar = AgentJar.path();
            Properties system = jvm.systemProperties();
            // The JVM warns at the first load of the jar only; a JVM that met jslab before is quiet.
            boolean firstLoad = system.getProperty(AttachReport.PROPERTY) == null
                    && system.getProperty(JslabMBeans.VERSION_PROPERTY) == null;
            String hint = !firstLoad ? null : warningHint(system.getProperty("java.specification.version"),
                    jvm.agentProperties().getProperty("sun.jvm.args"), jar);
            jvm.loadAgent(jar, options);
            // A refused attach throws here, so its error stays the one line on stderr (the exit
            // status contract); the note only follows an attach that took.
            Properties after = jvm.systemProperties();
            String outcome = AttachReport.describe(pid, after.getProperty(AttachReport.PROPERTY),
                    IncludeSuggestion.namesInclude(options) ? null : IncludeSuggestion.of(after));
            spec.commandLine().getOut().println(outcome);
            if (hint != null) {
                spec.commandLine().getErr().println(hint);
            }
        }
        return 0;
    }

    /**
     * From JDK 21 on, a JVM prints a warning when an agent is loaded into it while it runs, unless
     * it was started with {@code -XX:+EnableDynamicAgentLoading}; null when no warning comes.
     */
    static String warningHint(String specificationVersion, String jvmArgs, Path jar) {
        if (specificationVersion == null || release(specificationVersion) < WARNING_RELEASE
                || (jvmArgs != null && jvmArgs.contains("-XX:+EnableDynamicAgentLoading"))) {
            return null;
        }
        return "note: Java " + specificationVersion + " warns when an agent is loaded into a"
                + " running JVM; to avoid the warning start the JVM with"
                + " -XX:+EnableDynamicAgentLoading, or load jslab at start with -javaagent:" + jar;
    }

    private static int release(String specificationVersion) {
        try {
            String major = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
            return Integer.parseInt(major.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
