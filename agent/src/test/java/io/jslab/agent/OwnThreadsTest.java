package io.jslab.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The CPU time of threads named {@code jslab-} counts, that of other threads does not. */
class OwnThreadsTest {

    private static final long BURN_MILLIS = 200;

    @Test
    void cpuOfJslabThreadsIsCountedAndOthersIsNot() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled(), "this JVM cannot measure thread CPU time");
        long before = OwnThreads.cpuTimeMillis();
        CountDownLatch release = new CountDownLatch(1);
        Thread own = burner("jslab-test-burner", release);
        Thread other = burner("application-burner", release);
        try {
            long afterOwn = awaitBurnt(own, mx);
            long counted = OwnThreads.cpuTimeMillis();
            assertTrue(counted - before >= BURN_MILLIS,
                    "a jslab thread burnt " + afterOwn + " ms, counted " + (counted - before));
            awaitBurnt(other, mx);
            long unchanged = OwnThreads.cpuTimeMillis();
            // The other thread burnt as much again; only jslab's idle threads may have moved meanwhile.
            assertTrue(unchanged - counted < BURN_MILLIS / 2, "an application thread's CPU was counted: "
                    + (unchanged - counted) + " ms");
        } finally {
            release.countDown();
            own.join();
            other.join();
        }
    }

    /** A live thread that burns {@link #BURN_MILLIS} of its own CPU time, then waits. */
    private static Thread burner(String name, CountDownLatch release) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread thread = new Thread(() -> {
            long start = mx.getCurrentThreadCpuTime();
            long x = 0;
            while (mx.getCurrentThreadCpuTime() - start < BURN_MILLIS * 1_000_000) {
                x += System.nanoTime() % 7;
            }
            done(x);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }

    private static volatile long sink;

    private static void done(long x) {
        sink = x;
    }

    private static long awaitBurnt(Thread thread, ThreadMXBean mx) {
        await().atMost(Duration.ofSeconds(60)).until(() -> thread.getState() == Thread.State.WAITING);
        return mx.getThreadCpuTime(thread.getId()) / 1_000_000;
    }
}
