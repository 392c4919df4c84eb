package io.jslab.demo;

import java.util.Locale;

/** The one-line reports the demo prints while it runs and when it stops. */
final class Progress {

    /** Seconds between two progress lines. */
    static final long PERIOD_MILLIS = 2_000;

    private Progress() {}

    /** {@code [  4s] 40012 requests | live: dentry 2048, inode 2048, negative dentry 80, task 272 | 0 fork storms} */
    static String line(long elapsedMillis, WorkloadMXBean workload) {
        return String.format(Locale.ROOT,
                "[%3ds] %d requests | live: dentry %d, inode %d, negative dentry %d, task %d | %d fork storms",
                elapsedMillis / 1000, workload.getRequests(), workload.getDentries(),
                workload.getDentries(), workload.getNegativeDentries(), workload.getTasks(),
                workload.getForkStorms());
    }

    /** {@code jslab demo: stopped after 10.0 s, 100012 requests} */
    static String summary(long elapsedMillis, WorkloadMXBean workload) {
        return String.format(Locale.ROOT, "jslab demo: stopped after %.1f s, %d requests",
                elapsedMillis / 1000.0, workload.getRequests());
    }
}
