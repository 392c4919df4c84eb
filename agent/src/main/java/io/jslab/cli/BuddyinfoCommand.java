package io.jslab.cli;

import picocli.CommandLine.Command;

/** {@code buddyinfo <pid>}: the target arena's {@code /proc/buddyinfo}-style line. */
@Command(name = "buddyinfo", mixinStandardHelpOptions = true,
        description = "Print the buddyinfo line (free blocks per order) of the arena of a JVM running jslab.")
final class BuddyinfoCommand extends TextCommand {

    BuddyinfoCommand() {
        super(JslabMBeans::buddyinfo);
    }
}
