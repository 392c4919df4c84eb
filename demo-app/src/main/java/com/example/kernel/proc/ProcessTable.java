package com.example.kernel.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The process table: {@value #DAEMONS} daemons that never exit, and a fork storm of
 * {@value #STORM_SIZE} tasks every {@value #STORM_PERIOD_MILLIS} ms, each exiting
 * {@value #MIN_TASK_MILLIS} to {@value #MAX_TASK_MILLIS} ms after it was forked. Driven by
 * {@link #tick} with an explicit time, so it is deterministic under test. Thread-safe.
 */
public final class ProcessTable {

    public static final int DAEMONS = 16;
    public static final int STORM_SIZE = 256;
    public static final long STORM_PERIOD_MILLIS = 5_000;
    public static final long MIN_TASK_MILLIS = 500;
    public static final long MAX_TASK_MILLIS = 2_000;

    private final Random random;
    private final List<Task> daemons = new ArrayList<>();
    private final PriorityQueue<Task> running =
            new PriorityQueue<>(Comparator.comparingLong(Task::exitAtMillis));
    private int nextPid = 1;
    private long nextStormMillis;
    private long storms;

    /** Boots the daemons at {@code nowMillis}; the first storm comes one period later. */
    public ProcessTable(long nowMillis, Random random) {
        this.random = random;
        for (int i = 0; i < DAEMONS; i++) {
            daemons.add(new Task(nextPid++, 0, "kworker/" + i, nowMillis, Long.MAX_VALUE));
        }
        this.nextStormMillis = nowMillis + STORM_PERIOD_MILLIS;
    }

    /** Reaps the tasks whose time has come, then forks a storm if one is due. */
    public synchronized void tick(long nowMillis) {
        while (!running.isEmpty() && running.peek().exitAtMillis() <= nowMillis) {
            running.poll();
        }
        if (nowMillis >= nextStormMillis) {
            int parent = 1 + random.nextInt(DAEMONS);
            for (int i = 0; i < STORM_SIZE; i++) {
                long lifetime = MIN_TASK_MILLIS + random.nextInt((int) (MAX_TASK_MILLIS - MIN_TASK_MILLIS) + 1);
                running.add(new Task(nextPid++, parent, "worker", nowMillis, nowMillis + lifetime));
            }
            storms++;
            nextStormMillis = nowMillis + STORM_PERIOD_MILLIS;
        }
    }

    /** Tasks alive: the daemons and the storm's tasks that have not exited. */
    public synchronized int tasks() {
        return daemons.size() + running.size();
    }

    public synchronized long storms() {
        return storms;
    }

    /** Pids handed out so far. */
    public synchronized int forked() {
        return nextPid - 1;
    }
}
