package io.jslab.slab;

/** A clock the test moves by hand. */
final class ManualClock implements MillisClock {

    private volatile long now;

    ManualClock(long start) {
        this.now = start;
    }

    @Override
    public long millis() {
        return now;
    }

    void advance(long millis) {
        now += millis;
    }

    void set(long millis) {
        now = millis;
    }
}
