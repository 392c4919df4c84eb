package io.jslab.agent;

import io.jslab.arena.BuddyArena;
import io.jslab.jfr.JfrEvents;
import io.jslab.jmx.JmxRegistration;
import io.jslab.jmx.OwnCost;
import io.jslab.runtime.SlabHook;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

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
 * missed; the instrumentation goes last, so nothing it reports can precede the rest. Under
 * {@code -javaagent} the transformer is a {@link SelectionPrefilter}, installed before
 * {@code premain} returns, and the reclaimer and JMX start behind it ({@link DeferredStart}).
 *
 * <p>{@link #reselect} swaps the transformer for one of a new selection; {@link #detach} undoes
 * {@link #start} in the reverse order: classes first (no new hook calls), then the hooks, the
 * tracker, JMX and the arena. Both run under {@code JslabAgent}'s lock.
 */
final class AgentRuntime {

    private final AgentStatus status;
    private final Instrumentation instrumentation;
    private final HookReachability hooks;
    private final ObjectTracker tracker;
    private final SlabAllocator allocator;
    private final AutoCloseable jmx;
    private final Thread exit;
    private AgentOptions options;
    private ClassFileTransformer transformer;
    private int instrumentedAtStart;

    private AgentRuntime(AgentStatus status, Instrumentation instrumentation, HookReachability hooks,
                         ObjectTracker tracker, SlabAllocator allocator, AutoCloseable jmx, Thread exit,
                         AgentOptions options) {
        this.status = status;
        this.instrumentation = instrumentation;
        this.hooks = hooks;
        this.tracker = tracker;
        this.allocator = allocator;
        this.jmx = jmx;
        this.exit = exit;
        this.options = options;
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
        ObjectTracker tracker = new ObjectTracker(allocator, instrumentation::getObjectSize, status::error,
                options.watchBudget(), options.exactClasses());
        AutoCloseable jmx = null;
        AutoCloseable jfr = null;
        Thread exit = null;
        try {
            SlabHook.install(tracker.constructedSink(), tracker.failedSink(), tracker.clonedSink());
            HookReachability hooks = new HookReachability(instrumentation, tracker.constructedSink(),
                    tracker.failedSink(), tracker.clonedSink());
            status.measureCost(new AgentCost(allocator, tracker, options.trackExact()));
            AgentRuntime runtime;
            if (attached) {
                // An attach answers its command with the outcome, so everything is done first.
                tracker.start();
                jmx = options.jmx() ? JmxRegistration.register(allocator, status, tracker) : null;
                // A JFR refusal is counted, not thrown: the agent works on without its events.
                jfr = options.jfr() ? JfrEvents.register(allocator, status::error) : null;
                exit = exitHook(options, tracker, allocator, jmx, jfr);
                Runtime.getRuntime().addShutdownHook(exit);
                AutoCloseable events = jfr;
                AutoCloseable beans = jmx;
                // What a detach takes back: the JFR event and the MBeans together.
                AutoCloseable published = () -> {
                    closeQuietly(events);
                    closeQuietly(beans);
                };
                runtime = new AgentRuntime(status, instrumentation, hooks, tracker, allocator, published, exit, options);
                runtime.transformer = instrumenter(options, hooks, status).install(instrumentation, true);
            } else {
                DeferredStart deferred = new DeferredStart(tracker, allocator, status, options.jmx(), options.jfr());
                jmx = deferred;
                exit = exitHook(options, tracker, allocator, jmx, null);
                Runtime.getRuntime().addShutdownHook(exit);
                runtime = new AgentRuntime(status, instrumentation, hooks, tracker, allocator, jmx, exit, options);
                // Retransformation-capable, so that a detach can give the classes their own bytes back.
                SelectionPrefilter prefilter = new SelectionPrefilter(options.include(), options.exclude(),
                        () -> instrumenter(options, hooks, status).makeRaw(), status);
                instrumentation.addTransformer(prefilter, true);
                runtime.transformer = prefilter;
                deferred.startInBackground();
            }
            runtime.instrumentedAtStart = status.instrumentedClasses().size();
            return runtime;
        } catch (Throwable t) {
            SlabHook.uninstall();
            if (exit != null) {
                removeQuietly(exit);
            }
            closeQuietly(jfr);
            closeQuietly(jmx);
            tracker.close();
            throw t;
        }
    }

    /**
     * The answer to a second attach with {@code parsed}: a changed selection, an unchanged one,
     * or the error of an option that cannot change. Never throws.
     */
    String secondAttach(AgentOptions parsed, String version) {
        String changed = parsed.unchangeableKeyChanged(options);
        if (changed != null) {
            return "error: " + changed;
        }
        if (!parsed.givesSelection() || (parsed.include().toString().equals(options.include().toString())
                && parsed.exclude().toString().equals(options.exclude().toString()))) {
            return "already loaded " + version + ": selection unchanged, " + instrumentedNow() + " classes instrumented";
        }
        Set<String> left;
        try {
            left = reselect(parsed);
        } catch (Throwable t) {
            return "error: the selection cannot change: " + AgentStatus.describe(t);
        }
        return "reselected " + version + " " + instrumentedNow() + " classes instrumented; " + left.size() + " left"
                + (left.isEmpty() ? "" : ": " + String.join(" ", left));
    }

    /**
     * Replaces the selection by {@code next}'s: the old transformer goes, the new one is installed
     * and retransforms the loaded classes it selects, then the classes that left are retransformed
     * with neither, which gives them their original bytes. Their caches stay, with the objects they
     * count until those are collected, and count no new ones.
     *
     * @return the classes that left the selection, by name
     */
    Set<String> reselect(AgentOptions next) {
        Set<String> before = new LinkedHashSet<>(status.instrumentedClasses());
        instrumentation.removeTransformer(transformer);
        status.clearInstrumented();
        options = new AgentOptions(next.include(), next.exclude(), options.pageSize(), options.maxOrder(),
                options.maxBytes(), options.jmx(), options.dump(), options.verbose(), options.trackExact(),
                options.watchBudget(), next.exact(), options.jfr(), options.withSelectionOf(next));
        AgentOptions now = options;
        tracker.exactClasses(now::exactName);
        status.options(options.source());
        transformer = new Instrumenter(new ClassSelection(next.include(), next.exclude()), hooks, status)
                .install(instrumentation, true);
        before.removeAll(status.instrumentedClasses());
        ClassRestore.restore(instrumentation, before, status);
        return before;
    }

    /**
     * Undoes {@link #start}: the transformer goes and every class it rewrote gets its original
     * bytes back; every copy of the hook does nothing from then on (code rewritten earlier may
     * still run, on a thread inside an old constructor); the tracker's thread and GC listener
     * stop; the MBeans are unregistered; the arena drops its chunks. The slabinfo dump at exit
     * goes too: there is no jslab left to dump.
     *
     * @return how many classes got their original bytes back
     */
    int detach() {
        instrumentation.removeTransformer(transformer);
        int restored = ClassRestore.restore(instrumentation, new LinkedHashSet<>(status.instrumentedClasses()), status);
        hooks.uninstallAll();
        tracker.close();
        status.measureCost(OwnCost.NONE);
        removeQuietly(exit);
        closeQuietly(jmx);
        allocator.close();
        return restored;
    }

    AgentOptions options() {
        return options;
    }

    /** Loading this class loads Byte Buddy: under {@code -javaagent} only once a class needs it. */
    private static Instrumenter instrumenter(AgentOptions options, HookReachability hooks, AgentStatus status) {
        return new Instrumenter(new ClassSelection(options.include(), options.exclude()), hooks, status);
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

    /** Classes rewritten now, loaded or not: those the current selection took. */
    int instrumentedNow() {
        return status.instrumentedClasses().size();
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
