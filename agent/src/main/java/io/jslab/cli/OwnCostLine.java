package io.jslab.cli;

/**
 * jslab's own cost in the target, as read from its Agent MBean, written as one line in slabtop's
 * summary style for the interactive {@code top}. It takes the place of the blank line under the
 * summary, so the screen keeps slabtop's layout; {@code top -o} leaves it out and stays
 * byte-for-byte slabtop's text.
 */
record OwnCostLine(long cpuTimeMillis, long recordHeapBytes, long arenaMappedBytes, double watchedPerSecond,
                   long watchBudget) {

    static final String[] ATTRIBUTES = {"CpuTimeMillis", "RecordHeapBytes", "ArenaMappedBytes", "WatchedPerSecond",
        "WatchBudget"};

    String text() {
        String cpu = cpuTimeMillis < 0 ? "n/a" : CFormat.fixed(cpuTimeMillis / 1000.0, 2) + "s";
        String budget = watchBudget < 0 ? "no budget" : "budget " + watchBudget + "/s";
        return String.format(" %-35s: %s / %sK / %sK / %d/s (%s)", "jslab CPU / Records / Arena / Rate", cpu,
                CFormat.fixed(recordHeapBytes / 1024.0, 2), CFormat.fixed(arenaMappedBytes / 1024.0, 2),
                Math.round(watchedPerSecond), budget);
    }
}
