package io.jslab.jmx;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lets at most one {@code io.jslab.allocation.failed} notification per cache per second through,
 * counting the failures it holds back so the next notification can report them. Called on every
 * failed allocation, from the allocating thread, so it takes no lock.
 */
final class FailureGate {

    static final long INTERVAL_MILLIS = 1000;

    private final AtomicLong nextPassMillis = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder held = new LongAdder();

    /**
     * @return the number of failures held back since the last pass when this one may pass,
     *         or -1 when it is held back (and counted)
     */
    long tryPass(long nowMillis) {
        long next = nextPassMillis.get();
        if (nowMillis >= next && nextPassMillis.compareAndSet(next, nowMillis + INTERVAL_MILLIS)) {
            // A failure counted by a racing thread between the CAS and the reset is reported with
            // this pass rather than the next: each held-back failure is reported exactly once.
            return held.sumThenReset();
        }
        held.increment();
        return -1;
    }
}
