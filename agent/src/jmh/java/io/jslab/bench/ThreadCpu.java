package io.jslab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** The CPU time of one thread, found by name, as a share of one core between two calls. */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long id;
    private long lastCpu;
    private long lastWall;

    private ThreadCpu(long id) {
        this.id = id;
        this.lastCpu = id < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(id));
        this.lastWall = System.nanoTime();
    }

    /** The thread named {@code name}; a thread that is not there reads as 0%. */
    static ThreadCpu named(String name) {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                return new ThreadCpu(info.getThreadId());
            }
        }
        return new ThreadCpu(-1);
    }

    double percentSinceLastCall() {
        long cpu = id < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(id));
        long wall = System.nanoTime();
        double percent = 100.0 * (cpu - lastCpu) / Math.max(1, wall - lastWall);
        lastCpu = cpu;
        lastWall = wall;
        return percent;
    }
}
