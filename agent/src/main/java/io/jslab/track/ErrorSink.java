package io.jslab.track;

/**
 * Where the tracker reports its internal failures. Nothing the tracker does may throw into the
 * host application, so every failure ends here instead; the agent counts and reports them.
 */
@FunctionalInterface
public interface ErrorSink {

    /**
     * One internal failure.
     *
     * @param oneLine what failed, on one line, naming the class or cache concerned; not the
     *                cause, which the sink describes itself
     * @param cause   the exception behind it, or {@code null}
     */
    void error(String oneLine, Throwable cause);
}
