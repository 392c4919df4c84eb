package io.jslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slabinfo <pid>}: the target's {@code /proc/slabinfo}-style text, as its MBean returns it. */
@Command(name = "slabinfo", mixinStandardHelpOptions = true,
        description = "Print the slabinfo text (kernel version 2.1 layout) of a JVM running jslab.")
final class SlabinfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    @Override
    public Integer call() {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            spec.commandLine().getOut().print(JslabMBeans.open(jvm).slabinfo());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
