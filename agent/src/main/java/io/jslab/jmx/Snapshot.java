package io.jslab.jmx;

import java.util.function.Supplier;

/**
 * One statistics snapshot per JMX read. JConsole reads every attribute of an MBean in one
 * {@code getAttributes} call; taking one snapshot for that call (rather than one per attribute)
 * costs one pass over the core's counters and keeps the figures consistent with each other
 * ({@code ActiveObjects <= NumObjects}, say). A single attribute read takes a fresh snapshot.
 */
final class Snapshot<S> {

    private final Supplier<S> source;
    private final ThreadLocal<S> held = new ThreadLocal<>();

    Snapshot(Supplier<S> source) {
        this.source = source;
    }

    S get() {
        S s = held.get();
        return s != null ? s : source.get();
    }

    <R> R during(Supplier<R> read) {
        held.set(source.get());
        try {
            return read.get();
        } finally {
            held.remove();
        }
    }
}
