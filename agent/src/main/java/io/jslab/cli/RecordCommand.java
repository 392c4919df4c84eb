package io.jslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code record <pid> [-d secs] [-i secs] -o <file.html>}: samples the target's caches and arena
 * and writes one self-contained HTML report ({@link ReportHtml}). Ctrl-C ends the sampling early:
 * a shutdown hook stops the loop and waits for the file to be written, so it is never lost.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sample a JVM running jslab and write an HTML report with plots (Ctrl-C ends early).")
final class RecordCommand implements Callable<Integer> {

    /** Figures sampled per cache; ActiveObjectsError only where the MBean has it (estimates). */
    static final List<String> FIGURES = List.of("ActiveObjects", "AllocationRate", "FreeRate",
            "MedianLifetimeMillis", "P99LifetimeMillis", "ActiveObjectsError");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pid>", converter = Pid.class, description = "process id of the JVM")
    long pid;

    @Option(names = {"-d", "--duration"}, paramLabel = "<secs>", converter = Seconds.class,
            description = "seconds to record (default 60)")
    int duration = 60;

    @Option(names = {"-i", "--interval"}, paramLabel = "<secs>", converter = Seconds.class,
            description = "seconds between samples (default 1)")
    int interval = 1;

    @Option(names = {"-o", "--output"}, paramLabel = "<file.html>", required = true,
            description = "the HTML file to write")
    Path output;

    private volatile boolean stopped;

    @Override
    public Integer call() throws Exception {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            JslabMBeans beans = JslabMBeans.open(jvm);
            CountDownLatch written = new CountDownLatch(1);
            Thread main = Thread.currentThread();
            Thread onCtrlC = new Thread(() -> {
                stopped = true;
                main.interrupt();
                try {
                    written.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "jslab-record-stop");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                String html = record(beans);
                Files.writeString(output, html, StandardCharsets.UTF_8);
                PrintWriter err = spec.commandLine().getErr();
                err.println("\rwrote " + output + "                              ");
                err.flush();
            } catch (IOException e) {
                throw new CliException("cannot write " + output + ": " + e.getMessage());
            } finally {
                written.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException exiting) {
                    // Ctrl-C: the hook is running and has just been released.
                }
            }
        }
        return 0;
    }

    private String record(JslabMBeans beans) {
        PrintWriter err = spec.commandLine().getErr();
        List<Double> times = new ArrayList<>();
        List<Double> freePages = new ArrayList<>();
        Map<String, Map<String, List<Double>>> caches = new TreeMap<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(duration);
        for (long next = start; !stopped; next += TimeUnit.SECONDS.toNanos(interval)) {
            int index = times.size();
            times.add((System.nanoTime() - start) / 1e9);
            freePages.add((double) beans.freePages());
            for (Map.Entry<String, Map<String, Double>> cache : beans.cacheFigures(FIGURES).entrySet()) {
                Map<String, List<Double>> series = caches.computeIfAbsent(cache.getKey(), k -> new LinkedHashMap<>());
                for (Map.Entry<String, Double> figure : cache.getValue().entrySet()) {
                    // A cache created late has no value (null, a gap) for the samples before it.
                    List<Double> values = series.computeIfAbsent(lowerFirst(figure.getKey()), k -> new ArrayList<>());
                    while (values.size() < index) {
                        values.add(Double.NaN);
                    }
                    values.add(figure.getValue());
                }
            }
            long left = TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime() + 999_999_999L);
            err.print("\rrecording JVM " + pid + ": " + times.size() + " samples, " + Math.max(0, left)
                    + " s left (Ctrl-C ends early)   ");
            err.flush();
            long nextSample = next + TimeUnit.SECONDS.toNanos(interval);
            if (nextSample > end) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(nextSample - System.nanoTime());
            } catch (InterruptedException ctrlC) {
                break;
            }
        }
        Thread.interrupted(); // a Ctrl-C interrupt must not fail the last reads
        return ReportHtml.render(pid, times, caches, freePages, beans.slabinfo());
    }

    private static String lowerFirst(String attribute) {
        return Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1);
    }

    /** {@code -d}, {@code -i}: whole seconds, 1 or more. */
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
            throw new TypeConversionException("'" + value + "' is not a number of seconds: a whole number, 1 or more");
        }
    }
}
