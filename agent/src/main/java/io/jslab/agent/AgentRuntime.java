package io.jslab.agent;

import io.jslab.arena.BuddyArena;
import io.jslab.jmx.JmxRegistration;
import io.jslab.runtime.SlabHook;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;
import java.lang.instrument.Instrumentation;

/**
 * One running agent, wired as the brief's picture:
 * <pre>
 *   options -> BuddyArena -> SlabAllocator -> ObjectTracker -> SlabHook sinks
 *                                 |                               ^
 *                                 +-> JMX (jmx=true)              | the rewritten constructors
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

    /** @param attached loaded by a dynamic attach: already-loaded classes are retransformed */
    static AgentRuntime start(AgentOptions options, Instrumentation instrumentation, String version, boolean attached)
            throws Exception {
        AgentStatus status = new AgentStatus(version, options.source(), options.verbose());
        SlabAllocator allocator = new SlabAllocator(new BuddyArena(options.arenaConfig()));
        ObjectTracker tracker = new ObjectTracker(allocator, instrumentation::getObjectSize, status::error);
        tracker.start();
        SlabHook.install(tracker.constructedSink(), tracker.failedSink());
        HookReachability hooks = new HookReachability(instrumentation, tracker.constructedSink(), tracker.failedSink());
        AutoCloseable jmx = options.jmx() ? JmxRegistration.register(allocator, status) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (options.dump() != null) {
                SlabinfoDump.write(options.dump(), tracker, allocator);
            }
            closeQuietly(jmx);
        }, "jslab-exit"));
        new Instrumenter(new ClassSelection(options.include(), options.exclude()), hooks, status).install(instrumentation, attached);
        return new AgentRuntime(status, status.instrumentedClasses().size());
    }

    AgentStatus status() {
        return status;
    }

    /** Classes rewritten while installing: those already loaded that were retransformed. */
    int instrumentedAtStart() {
        return instrumentedAtStart;
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
