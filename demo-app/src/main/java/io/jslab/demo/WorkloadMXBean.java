package io.jslab.demo;

/**
 * The demo's own MBean, {@code io.jslab.demo:type=Workload}: what the application believes is
 * live, to set beside jslab's caches, and a pause switch so the counts can be compared at rest.
 */
public interface WorkloadMXBean {

    long getRequests();

    /** Dentries in the dcache (each holds one inode). */
    int getDentries();

    /** Negative dentries: the leak. */
    int getNegativeDentries();

    /** Tasks in the process table. */
    int getTasks();

    long getForkStorms();

    boolean isPaused();

    /** Stops every thread of the workload between two requests; returns when all have stopped. */
    void pause();

    void resume();
}
