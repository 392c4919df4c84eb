package io.jslab.agent;

import io.jslab.arena.BuddyArena;
import io.jslab.jfr.JfrEvents;
import io.jslab.jmx.JmxRegistration;
import io.jslab.runtime.SlabHook;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;
import java.lang.instrument.Instrumentation;

/**
 * One running agent, wired so:
 * <pre>
 *   options -> BuddyArena -> SlabAllocator -> ObjectTracker -> SlabHook sinks
 *                                 |                               ^
 *                                 +-> JMX (jmx=true)              | the rewritten constructors
 *                                 +-> JFR events (jfr=true)       |
 *                                 +-> slabinfo at exit (dump=)    | (Instrumenter)
 * </pre>
 * The hook's sinks are installed before the first class is rewritten, so no construction is
 * missed; the instrumentation goes last, so nothing it reports can precede the rest.
 */
final class AgentRuntime {

    private final AgentStatus status;
    private final int instrumentedAtStart;

    private AgentRuntime(AgentStatus status, int instrumentedAtStart) {
        this.status = status;
        this.instrumentedAtStart = instrumentedAtStart;
    }

    /**
     * @param attached loaded by a dynamic attach: already-loaded classes are retransformed
     * @throws Exception when a step fails; what the earlier steps started is stopped first, so
     *         the application runs on as if the agent had never come (no thread, MBean or hook)
     */
    static AgentRuntime start(AgentOptions options, Instrumentation instrumentation, String version, boolean attached)
            throws Exception {
        AgentStatus status = new AgentStatus(version, options.source(), options.verbose());
        SlabAllocator allocator = new SlabAllocator(new BuddyArena(options.arenaConfig()));
        ObjectTracker tracker = new ObjectTracker(allocator, instrumentation::getObjectSize, status::error);
        AutoCloseable jmx = null;
        AutoCloseable jfr = null;
        Thread exit = null;
        try {
            tracker.start();
            SlabHook.install(tracker.constructedSink(), tracker.failedSink());
            HookReachability hooks = new HookReachability(instrumentation, tracker.constructedSink(), tracker.failedSink());
            jmx = options.jmx() ? JmxRegistration.register(allocator, status) : null;
            // A JFR refusal is counted, not thrown: the agent works on without its events.
            jfr = options.jfr() ? JfrEvents.register(allocator, status::error) : null;
            exit = exitHook(options, tracker, allocator, jmx, jfr);
            Runtime.getRuntime().addShutdownHook(exit);
            new Instrumenter(new ClassSelection(options.include(), options.exclude()), hooks, status).install(instrumentation, attached);
        } catch (Throwable t) {
            SlabHook.install(null, null);
            if (exit != null) {
                removeQuietly(exit);
            }
            closeQuietly(jfr);
            closeQuietly(jmx);
            tracker.close();
            throw t;
        }
        return new AgentRuntime(status, status.instrumentedClasses().size());
    }

    private static Thread exitHook(AgentOptions options, ObjectTracker tracker, SlabAllocator allocator,
                                   AutoCloseable jmx, AutoCloseable jfr) {
        return new Thread(() -> {
            if (options.dump() != null) {
                SlabinfoDump.write(options.dump(), tracker, allocator);
            }
            closeQuietly(jfr);
            closeQuietly(jmx);
        }, "jslab-exit");
    }

    AgentStatus status() {
        return status;
    }

    /** Classes rewritten while installing: those already loaded that were retransformed. */
    int instrumentedAtStart() {
        return instrumentedAtStart;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException exiting) {
            // The JVM is already exiting: the hook runs, and it only dumps and unregisters.
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception | LinkageError ignored) {
                // The JVM is exiting; an MBean left registered goes with it.
            }
        }
    }
}
