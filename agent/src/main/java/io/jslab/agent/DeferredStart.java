package io.jslab.agent;

import io.jslab.jfr.JfrEvents;
import io.jslab.jmx.JmxRegistration;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;

/**
 * Under {@code -javaagent}, the parts of the start that nothing constructed needs: the tracker's
 * reclaimer thread and garbage collection listener, and the MBeans. They run on one daemon
 * thread, {@code jslab-start}, while {@code main} runs.
 *
 * <p>Why: the platform MBean server and the collectors' MXBeans load some 500 classes of
 * {@code java.management}, a third of the agent's start-up time on a 2-core machine. Nothing is
 * missed meanwhile: counting is the hook's work on the constructing thread, installed before
 * {@code premain} returns; a slot whose object dies before the reclaimer starts is given back
 * by its first walk. What a JMX client sees is registered a moment after {@code main} starts.
 * A failure here is the agent's error (status and stderr), never the application's.
 */
final class DeferredStart implements AutoCloseable {

    private final ObjectTracker tracker;
    private final SlabAllocator allocator;
    private final AgentStatus status;
    private final boolean jmx;
    private final boolean jfr;
    private AutoCloseable registration;
    private AutoCloseable events;
    private boolean closed;

    DeferredStart(ObjectTracker tracker, SlabAllocator allocator, AgentStatus status, boolean jmx, boolean jfr) {
        this.tracker = tracker;
        this.allocator = allocator;
        this.status = status;
        this.jmx = jmx;
        this.jfr = jfr;
    }

    void startInBackground() {
        Thread thread = new Thread(null, this::run, "jslab-start", 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.start();
    }

    private void run() {
        try {
            tracker.start();
            if (jfr) {
                // A JFR refusal is counted, not thrown: the agent works on without its events.
                AutoCloseable made = JfrEvents.register(allocator, status::error);
                synchronized (this) {
                    if (closed) {
                        if (made != null) {
                            made.close();
                        }
                        return;
                    }
                    events = made;
                }
            }
            if (jmx) {
                AutoCloseable made = JmxRegistration.register(allocator, status, tracker);
                synchronized (this) {
                    if (!closed) {
                        registration = made;
                        return;
                    }
                }
                // The JVM began to exit while the MBeans were registered: take them back at once.
                made.close();
            }
        } catch (Throwable t) {
            status.error("jslab runs without its MBeans", t);
        }
    }

    /** Unregisters what was registered; what starts after this registers nothing. Idempotent. */
    @Override
    public void close() throws Exception {
        AutoCloseable made;
        AutoCloseable recorded;
        synchronized (this) {
            closed = true;
            made = registration;
            registration = null;
            recorded = events;
            events = null;
        }
        if (recorded != null) {
            recorded.close();
        }
        if (made != null) {
            made.close();
        }
    }
}
