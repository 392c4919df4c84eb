package io.jslab.demo;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The demo's entry point: parses the options, runs the {@link Workload} for the duration or until
 * Ctrl-C, prints a progress line every two seconds and a summary when it stops.
 *
 * <p>Exit status 0, or 2 for a bad command line (one line on stderr).
 */
public final class DemoMain {

    static final String MBEAN_NAME = "io.jslab.demo:type=Workload";

    private DemoMain() {}

    public static void main(String[] args) {
        int status = run(System.out, System.err, args);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (UsageException e) {
            err.println("jslab-demo: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(DemoOptions.USAGE);
            return 0;
        }
        Workload workload = new Workload(options);
        ObjectName name = register(workload);
        long start = System.nanoTime();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                workload.stop();
                out.println(Progress.summary(elapsedMillis(start), workload));
                out.flush();
            }
        };
        Thread hook = new Thread(stop, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        workload.start();
        try {
            report(out, options, workload, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.run();
        unregister(name);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C raced with the end of the duration; the hook has done the same work.
        }
        return 0;
    }

    private static void report(PrintStream out, DemoOptions options, Workload workload, long start)
            throws InterruptedException {
        long end = options.durationSeconds() == 0 ? Long.MAX_VALUE
                : TimeUnit.SECONDS.toMillis(options.durationSeconds());
        long next = Progress.PERIOD_MILLIS;
        while (true) {
            long now = elapsedMillis(start);
            if (now >= end) {
                return;
            }
            if (now >= next) {
                out.println(Progress.line(now, workload));
                out.flush();
                next += Progress.PERIOD_MILLIS;
            }
            Thread.sleep(Math.max(1, Math.min(next, end) - now));
        }
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static ObjectName register(Workload workload) {
        // The MBean is a convenience for JConsole and the end-to-end tests; the demo runs without it.
        try {
            ObjectName name = new ObjectName(MBEAN_NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (!server.isRegistered(name)) {
                server.registerMBean(workload, name);
                return name;
            }
        } catch (JMException e) {
            System.err.println("jslab-demo: could not register " + MBEAN_NAME + ": " + e);
        }
        return null;
    }

    private static void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            // Already gone: nothing to undo.
        }
    }
}
