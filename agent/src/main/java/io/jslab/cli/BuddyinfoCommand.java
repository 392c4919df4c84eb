package io.jslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code buddyinfo <pid>}: the target arena's {@code /proc/buddyinfo}-style line. */
@Command(name = "buddyinfo", mixinStandardHelpOptions = true,
        description = "Print the buddyinfo line (free blocks per order) of the arena of a JVM running jslab.")
final class BuddyinfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    @Override
    public Integer call() {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            spec.commandLine().getOut().print(JslabMBeans.open(jvm).buddyinfo());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
