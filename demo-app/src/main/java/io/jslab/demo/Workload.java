package io.jslab.demo;

import com.example.kernel.block.BlockDevice;
import com.example.kernel.fs.Vfs;
import com.example.kernel.proc.ProcessTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the model: {@code threads} request threads sharing the rate, and one clock thread that
 * reaps tasks and forks the storms ten times a second.
 *
 * <p>Each thread holds one permit of a fair semaphore while it works and gives it back between
 * batches; {@link #pause} takes every permit, so when it returns no thread is inside the model and
 * every object a finished request made is garbage.
 *
 * <p>The model lives in {@code com.example.kernel}, not under {@code io.jslab}: it stands for
 * somebody else's application, and the agent never rewrites jslab's own classes.
 */
final class Workload implements WorkloadMXBean {

    private static final long TICK_MILLIS = 100;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    // Oversleeping a park is caught up; a longer stall or a pause is not made up in a burst.
    private static final long CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DemoOptions options;
    private final Vfs vfs;
    private final ProcessTable processes;
    private final Semaphore permits;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile boolean paused;

    Workload(DemoOptions options) {
        this.options = options;
        this.vfs = new Vfs(new BlockDevice("vda"), System::currentTimeMillis);
        this.processes = new ProcessTable(System.currentTimeMillis(), new Random(1));
        this.permits = new Semaphore(options.threads() + 1, true);
    }

    void start() {
        long seeds = new SplittableRandom().nextLong();
        for (int i = 0; i < options.threads(); i++) {
            Random random = new Random(seeds + i);
            threads.add(new Thread(() -> serve(random), "demo-request-" + i));
        }
        threads.add(new Thread(this::clock, "demo-clock"));
        for (Thread thread : threads) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops every thread and waits for them; idempotent. */
    void stop() {
        stopped = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void serve(Random random) {
        double perNano = options.rate() / (double) options.threads() / 1e9;
        long start = System.nanoTime();
        long done = 0;
        while (!stopped) {
            if (!enter()) {
                return;
            }
            long due;
            try {
                due = (long) ((System.nanoTime() - start) * perNano);
                long cap = Math.max(1, (long) (CATCH_UP_NANOS * perNano));
                if (due - done > cap) {
                    done = due - cap;
                }
                for (; done < due && !stopped; done++) {
                    vfs.serve(random);
                }
            } finally {
                permits.release();
            }
            LockSupport.parkNanos(BATCH_NANOS);
        }
    }

    private void clock() {
        while (!stopped) {
            if (!enter()) {
                return;
            }
            try {
                processes.tick(System.currentTimeMillis());
            } finally {
                permits.release();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
    }

    private boolean enter() {
        try {
            permits.acquire();
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public synchronized void pause() {
        if (!paused) {
            permits.acquireUninterruptibly(options.threads() + 1);
            paused = true;
        }
    }

    @Override
    public synchronized void resume() {
        if (paused) {
            paused = false;
            permits.release(options.threads() + 1);
        }
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public long getRequests() {
        return vfs.requests();
    }

    @Override
    public int getDentries() {
        return vfs.dentries();
    }

    @Override
    public int getNegativeDentries() {
        return vfs.negativeDentries();
    }

    @Override
    public int getTasks() {
        return processes.tasks();
    }

    @Override
    public long getForkStorms() {
        return processes.storms();
    }
}
