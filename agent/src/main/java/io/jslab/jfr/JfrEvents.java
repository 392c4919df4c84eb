package io.jslab.jfr;

import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCacheStats;
import java.util.function.BiConsumer;
import jdk.jfr.FlightRecorder;

/**
 * Registers jslab's JFR events (SPEC section 9) and takes them away again.
 *
 * <p>Only a periodic hook is registered: JFR calls it once per period while a recording has the
 * event enabled, and never otherwise, so with no recording running jslab pays nothing. The hook
 * runs on JFR's periodic thread; anything it throws is counted as an agent error there, never
 * passed on. The {@code io.jslab.Leak} event waits for the leak detection it would report.
 */
public final class JfrEvents implements AutoCloseable {

    /** JFR prints {@link Long#MIN_VALUE} in a timespan field as N/A: no lifetime yet. */
    static final long NO_LIFETIME = Long.MIN_VALUE;

    private final Runnable hook;

    private JfrEvents(Runnable hook) {
        this.hook = hook;
    }

    /**
     * Registers the periodic {@code io.jslab.SlabCache} event over {@code allocator}'s caches.
     *
     * @param errors told of a failure, here or later in the hook, as one line and its cause
     * @return what to close to unregister, or null when JFR refused (the refusal went to {@code errors})
     */
    public static JfrEvents register(SlabAllocator allocator, BiConsumer<String, Throwable> errors) {
        Runnable hook = () -> {
            try {
                for (SlabCacheStats stats : allocator.stats()) {
                    emit(stats);
                }
            } catch (RuntimeException | LinkageError e) {
                errors.accept("JFR event " + SlabCacheEvent.NAME + " not written", e);
            }
        };
        try {
            FlightRecorder.addPeriodicEvent(SlabCacheEvent.class, hook);
            return new JfrEvents(hook);
        } catch (RuntimeException | LinkageError e) {
            errors.accept("JFR events not registered", e);
            return null;
        }
    }

    static void emit(SlabCacheStats s) {
        SlabCacheEvent event = new SlabCacheEvent();
        event.cache = s.name();
        event.objectSize = s.objectSize();
        event.objectsPerSlab = s.objectsPerSlab();
        event.pagesPerSlab = s.pagesPerSlab();
        event.activeObjects = s.activeObjects();
        event.numObjects = s.numObjects();
        event.activeSlabs = s.activeSlabs();
        event.numSlabs = s.numSlabs();
        event.fullSlabs = s.fullSlabs();
        event.partialSlabs = s.partialSlabs();
        event.emptySlabs = s.emptySlabs();
        event.allocations = s.allocations();
        event.frees = s.frees();
        event.allocationFailures = s.allocationFailures();
        event.allocationRate = s.allocationRate();
        event.freeRate = s.freeRate();
        event.memoryBytes = s.memoryBytes();
        event.activeBytes = s.activeBytes();
        event.medianLifetime = nanos(s.medianLifetimeMillis());
        event.p99Lifetime = nanos(s.p99LifetimeMillis());
        event.commit();
    }

    static long nanos(double millis) {
        return Double.isNaN(millis) ? NO_LIFETIME : Math.round(millis * 1_000_000.0);
    }

    @Override
    public void close() {
        FlightRecorder.removePeriodicEvent(hook);
    }
}
