package io.jslab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code top <pid> [-d secs] [-o] [-s key]}: slabtop's view of a JVM running jslab, from its
 * {@code slabinfo()} text and its arena's page size. Options as slabtop's: {@code -d} and
 * {@code -o} do not combine. When stdout or stdin is not a terminal it prints once.
 */
@Command(name = "top", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"slabtop for a JVM running jslab: summary and caches, refreshed every few seconds.",
                "While running: q quits, space refreshes, a sort key changes the sort."},
        footer = {"", "Sort keys:",
                "  a  number of active objects     b  objects per slab",
                "  c  cache size                   l  number of slabs",
                "  v  number of active slabs       n  name",
                "  o  number of objects (default)  p  pages per slab",
                "  s  object size                  u  cache utilization"})
final class TopCommand implements Callable<Integer> {

    static final int DEFAULT_DELAY_SECONDS = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    @Option(names = {"-d", "--delay"}, paramLabel = "<secs>", converter = Seconds.class,
            description = "seconds between refreshes (default 3)")
    Integer delay;

    @Option(names = {"-o", "--once"}, description = "print once and exit")
    boolean once;

    @Option(names = {"-s", "--sort"}, paramLabel = "<key>", converter = Key.class,
            description = "sort by this key (default o, see below)")
    SortKey sort = SortKey.DEFAULT;

    @Override
    public Integer call() {
        if (once && delay != null) {
            throw new ParameterException(spec.commandLine(), "cannot combine -d and -o");
        }
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            JslabMBeans beans = JslabMBeans.open(jvm);
            long pageSize = beans.pageSize();
            Supplier<List<CacheRow>> caches = () -> marked(parse(beans.slabinfo(), pageSize), beans.estimateErrors());
            if (once || !TerminalScreen.interactive()) {
                PrintWriter out = spec.commandLine().getOut();
                SlabtopText.render(caches.get(), sort, Integer.MAX_VALUE).forEach(out::println);
                out.flush();
                return 0;
            }
            long delayMillis = 1000L * (delay == null ? DEFAULT_DELAY_SECONDS : delay);
            try (TerminalScreen screen = TerminalScreen.open()) {
                new TopLoop(caches, beans::ownCost, screen, sort, delayMillis).run();
            }
        }
        return 0;
    }

    /** Marks the rows whose active_objs is an estimate, with its error. */
    static List<CacheRow> marked(List<CacheRow> rows, java.util.Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return rows;
        }
        List<CacheRow> out = new java.util.ArrayList<>(rows.size());
        for (CacheRow row : rows) {
            Long error = errors.get(row.name());
            out.add(error == null ? row : row.estimated(error));
        }
        return out;
    }

    private List<CacheRow> parse(String slabinfo, long pageSize) {
        try {
            return SlabinfoParser.parse(slabinfo, pageSize);
        } catch (IllegalArgumentException e) {
            throw new CliException("JVM " + pid + " returned unreadable slabinfo: " + e.getMessage());
        }
    }

    /** {@code -d}: a whole number of seconds, at least 1 (slabtop: "delay must be positive integer"). */
    static final class Seconds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int seconds = Integer.parseInt(value);
                if (seconds >= 1) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted form
            }
            throw new TypeConversionException("'" + value + "' is not a delay: a whole number of seconds, 1 or more");
        }
    }

    /** {@code -s}: one of slabtop's sort keys, either case. */
    static final class Key implements ITypeConverter<SortKey> {
        @Override
        public SortKey convert(String value) {
            SortKey key = value.length() == 1 ? SortKey.of(value.charAt(0)) : null;
            if (key == null) {
                throw new TypeConversionException("'" + value + "' is not a sort key: " + SortKey.ACCEPTED);
            }
            return key;
        }
    }
}
