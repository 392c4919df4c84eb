package io.jslab.slab;

import java.util.concurrent.locks.LockSupport;

/**
 * A millisecond clock that costs one volatile read: a daemon thread advances it about every
 * millisecond. {@code System.nanoTime()} costs some 20 ns per call, as much as a whole slab
 * allocate-and-free pair, and lifetimes need no finer grain than a millisecond.
 *
 * <p>One clock serves the JVM; its thread starts with the first allocator that uses it. The value
 * counts from the clock's start, so it is small and never equals the free poison.
 */
final class CoarseClock implements MillisClock {

    private static final CoarseClock INSTANCE = new CoarseClock();

    private final long origin = System.nanoTime();
    private volatile long now;
    private boolean started;

    private CoarseClock() {}

    /** The running clock, started on first use. */
    static CoarseClock get() {
        INSTANCE.start();
        return INSTANCE;
    }

    @Override
    public long millis() {
        return now;
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        tick();
        // Possibly started on an application's thread (the direct API): inherit none of its
        // thread-locals and keep none of its class loaders alive.
        Thread ticker = new Thread(null, this::run, "jslab-clock", 0, false);
        ticker.setDaemon(true);
        ticker.setContextClassLoader(null);
        ticker.start();
    }

    private void run() {
        while (true) {
            LockSupport.parkNanos(1_000_000L);
            tick();
        }
    }

    private void tick() {
        now = (System.nanoTime() - origin) / 1_000_000L;
    }
}
