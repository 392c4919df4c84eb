package io.jslab.cli;

import picocli.CommandLine.Command;

/** {@code slabinfo <pid>}: the target's {@code /proc/slabinfo}-style text, as its MBean returns it. */
@Command(name = "slabinfo", mixinStandardHelpOptions = true,
        description = "Print the slabinfo text (kernel version 2.1 layout) of a JVM running jslab.")
final class SlabinfoCommand extends TextCommand {

    SlabinfoCommand() {
        super(JslabMBeans::slabinfo);
    }
}
