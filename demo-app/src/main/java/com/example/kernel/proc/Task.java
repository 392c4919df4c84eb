package com.example.kernel.proc;

import io.jslab.SlabAllocated;

/**
 * A process, as the kernel's {@code struct task_struct}. A few live as long as the workload
 * (daemons); most come in bursts (fork storms) and exit within two seconds.
 *
 * <p>Aligned to 64-byte hardware cache lines, as the kernel aligns {@code task_struct}.
 */
@SlabAllocated(cache = "task_struct", hwcacheAlign = true)
public final class Task {

    private final int pid;
    private final int ppid;
    private final String comm;
    private final long startMillis;
    private final long exitAtMillis;

    Task(int pid, int ppid, String comm, long startMillis, long exitAtMillis) {
        this.pid = pid;
        this.ppid = ppid;
        this.comm = comm;
        this.startMillis = startMillis;
        this.exitAtMillis = exitAtMillis;
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    public String comm() {
        return comm;
    }

    public long startMillis() {
        return startMillis;
    }

    /** When the task exits, or {@link Long#MAX_VALUE} for a daemon. */
    public long exitAtMillis() {
        return exitAtMillis;
    }
}
