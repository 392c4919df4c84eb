package io.jslab.agent;

import io.jslab.arena.BuddyArena;
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
 *                                 +-> slabinfo at exit (dump=)    | (Instrumenter)
 * </pre>
 * The hook's sinks are installed before the first class is rewritten, so no construction is
 * missed; the instrumentation goes last, so nothing it reports can precede the rest. Under
 * {@code -javaagent} the transformer is a {@link SelectionPrefilter}, installed before
 * {@code premain} returns, and the reclaimer and JMX start behind it ({@link DeferredStart}).
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
        Thread exit = null;
        try {
            SlabHook.install(tracker.constructedSink(), tracker.failedSink());
            HookReachability hooks = new HookReachability(instrumentation, tracker.constructedSink(), tracker.failedSink());
            status.measureCost(new AgentCost(allocator, tracker));
            if (attached) {
                // An attach answers its command with the outcome, so everything is done first.
                tracker.start();
                jmx = options.jmx() ? JmxRegistration.register(allocator, status) : null;
                exit = exitHook(options, tracker, allocator, jmx);
                Runtime.getRuntime().addShutdownHook(exit);
                instrumenter(options, hooks, status).install(instrumentation, true);
            } else {
                DeferredStart deferred = new DeferredStart(tracker, allocator, status, options.jmx());
                jmx = deferred;
                exit = exitHook(options, tracker, allocator, jmx);
                Runtime.getRuntime().addShutdownHook(exit);
                instrumentation.addTransformer(new SelectionPrefilter(options.include(), options.exclude(),
                        () -> instrumenter(options, hooks, status).makeRaw(), status), false);
                deferred.startInBackground();
            }
        } catch (Throwable t) {
            SlabHook.install(null, null);
            if (exit != null) {
                removeQuietly(exit);
            }
            closeQuietly(jmx);
            tracker.close();
            throw t;
        }
        return new AgentRuntime(status, status.instrumentedClasses().size());
    }

    /** Loading this class loads Byte Buddy: under {@code -javaagent} only once a class needs it. */
    private static Instrumenter instrumenter(AgentOptions options, HookReachability hooks, AgentStatus status) {
        return new Instrumenter(new ClassSelection(options.include(), options.exclude()), hooks, status);
    }

    private static Thread exitHook(AgentOptions options, ObjectTracker tracker, SlabAllocator allocator,
                                   AutoCloseable jmx) {
        return new Thread(() -> {
            if (options.dump() != null) {
                SlabinfoDump.write(options.dump(), tracker, allocator);
            }
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
