package io.jslab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code list}: the JVMs the attach API sees on this machine (as {@code jps} does), each attached
 * briefly to read whether jslab is loaded ({@code io.jslab.agent.version}).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the local JVMs and whether jslab is loaded in each.")
final class ListCommand implements Callable<Integer> {

    static final String NOT_LOADED = "-";
    static final String UNKNOWN = "?";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long self = ProcessHandle.current().pid();
        List<String[]> rows = new ArrayList<>();
        for (String[] jvm : TargetJvm.listed()) {
            if (parsePid(jvm[0]) != self) {
                String version = TargetJvm.jslabVersion(jvm[0]);
                rows.add(new String[] {jvm[0], version == null ? UNKNOWN : version.isEmpty() ? NOT_LOADED : version,
                        jvm[1].isBlank() ? "(unknown)" : jvm[1]});
            }
        }
        rows.sort(Comparator.comparingLong(row -> parsePid(row[0])));
        print(spec.commandLine().getOut(), rows);
        return 0;
    }

    /**
     * A table whose PID column is right-aligned and the others left-aligned, each as wide as its
     * widest cell; the last column is not padded.
     */
    static void print(PrintWriter out, List<String[]> rows) {
        String[] heading = {"PID", "JSLAB", "JVM"};
        int pidWidth = heading[0].length();
        int versionWidth = heading[1].length();
        for (String[] row : rows) {
            pidWidth = Math.max(pidWidth, row[0].length());
            versionWidth = Math.max(versionWidth, row[1].length());
        }
        String format = "%" + pidWidth + "s  %-" + versionWidth + "s  %s%n";
        out.printf(format, (Object[]) heading);
        boolean unknown = false;
        for (String[] row : rows) {
            out.printf(format, (Object[]) row);
            unknown |= row[1].equals(UNKNOWN);
        }
        if (unknown) {
            out.println(UNKNOWN + ": could not attach to read its properties");
        }
        out.flush();
    }

    private static long parsePid(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
