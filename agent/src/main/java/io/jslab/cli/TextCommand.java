package io.jslab.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that prints one text of the target's MBeans unchanged ({@code slabinfo},
 * {@code buddyinfo}); picocli reads the annotated fields of this superclass for each subclass.
 */
abstract class TextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    private final Function<JslabMBeans, String> text;

    TextCommand(Function<JslabMBeans, String> text) {
        this.text = text;
    }

    @Override
    public final Integer call() {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            spec.commandLine().getOut().print(text.apply(JslabMBeans.open(jvm)));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
