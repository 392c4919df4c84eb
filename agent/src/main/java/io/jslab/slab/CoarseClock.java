package io.jslab.slab;

import java.util.concurrent.locks.LockSupport;

/**
 * A millisecond clock that costs one volatile read: a daemon thread advances it about every
 * millisecond. {@code System.nanoTime()} costs some 20 ns per call, as much as a whole slab
 * allocate-and-free pair, and lifetimes need no finer grain than a millisecond.
 *
 * <p>One clock serves the JVM; its thread starts with the first allocator that uses it and ends
 * when the last one that uses it is closed (a detach leaves no thread behind), to start again
 * with the next. The value counts from the clock's first start, so it is small, never goes back,
 * and never equals the free poison.
 */
final class CoarseClock implements MillisClock {

    private static final CoarseClock INSTANCE = new CoarseClock();

    private final long origin = System.nanoTime();
    private volatile long now;
    /** The thread that ticks; it stops when this no longer names it. */
    private volatile Thread ticker;
    private int users; // guarded by this

    private CoarseClock() {}

    /** The running clock, started on first use; each call is matched by one {@link #release}. */
    static CoarseClock get() {
        INSTANCE.start();
        return INSTANCE;
    }

    /** One user fewer; the last one stops the thread (the value stays where it was). */
    synchronized void release() {
        if (users > 0 && --users == 0) {
            Thread stopping = ticker;
            ticker = null;
            LockSupport.unpark(stopping);
        }
    }

    /** Whether the clock's thread runs; for tests. */
    boolean ticking() {
        return ticker != null;
    }

    @Override
    public long millis() {
        return now;
    }

    private synchronized void start() {
        if (users++ > 0) {
            return;
        }
        tick();
        // Possibly started on an application's thread (the direct API): inherit none of its
        // thread-locals and keep none of its class loaders alive.
        Thread thread = new Thread(null, this::run, "jslab-clock", 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        ticker = thread;
        thread.start();
    }

    private void run() {
        Thread self = Thread.currentThread();
        while (ticker == self) {
            LockSupport.parkNanos(1_000_000L);
            tick();
        }
    }

    private void tick() {
        now = (System.nanoTime() - origin) / 1_000_000L;
    }
}
