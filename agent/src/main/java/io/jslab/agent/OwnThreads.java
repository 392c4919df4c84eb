package io.jslab.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of jslab's own threads, found by name: every thread jslab starts is called
 * {@code jslab-<what>} (the clock, the reclaimer, the JMX notifier). Threads come and go with
 * the agent, so they are looked up at each read instead of being registered somewhere; a read
 * costs one pass over the JVM's thread ids, paid by the reader, not by the host.
 */
final class OwnThreads {

    static final String PREFIX = "jslab-";

    private OwnThreads() {}

    /** Milliseconds of CPU time of the live jslab threads, or -1 when the JVM cannot measure it. */
    static long cpuTimeMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(PREFIX)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                nanos += Math.max(0, cpu); // -1: the thread ended since the ids were read
            }
        }
        return nanos / 1_000_000;
    }
}
