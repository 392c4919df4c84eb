package io.jslab.slab;

/** Milliseconds on a monotonic scale, for allocation records, lifetimes and rates. */
@FunctionalInterface
interface MillisClock {

    long millis();
}
