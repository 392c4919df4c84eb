package io.jslab.track;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jslab.arena.ArenaConfig;
import io.jslab.track.Fixtures.Other;
import io.jslab.track.Fixtures.Plain;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConcurrentTrackingTest {

    private static final int THREADS = Integer.getInteger("jslab.stress.threads", 4);
    private static final long SECONDS = Long.getLong("jslab.stress.seconds", 2);

    @Test
    void manyThreadsTrackingAtOnceGiveExactTotals() throws Exception {
        // Dead objects hold their slots until a collection: room for what dies between two.
        ArenaConfig arena = new ArenaConfig(4096, 10, 128L << 20);
        try (TrackerHarness h = new TrackerHarness(arena, TrackerHarness.SIZE_24)) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicLong constructed = new AtomicLong();
            List<List<Object>> survivors = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            for (int t = 0; t < THREADS; t++) {
                List<Object> mine = new ArrayList<>();
                survivors.add(mine);
                Thread thread = new Thread(() -> {
                    awaitQuietly(start);
                    long n = 0;
                    while (System.nanoTime() - deadline < 0) {
                        Object object = (n & 1) == 0 ? new Plain() : new Other();
                        h.constructed(object);
                        if (n % 97 == 0 && mine.size() < 2000) {
                            mine.add(object);
                        }
                        n++;
                    }
                    constructed.addAndGet(n);
                }, "tracker-stress-" + t);
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            while (System.nanoTime() - deadline < 0) {
                System.gc();
                Thread.sleep(100);            // pacing the collections, not waiting for a result
            }
            for (Thread thread : threads) {
                thread.join();
            }
            threads.clear();                  // an ended thread may still hold its task, and the task `mine`
            assertEquals(0, h.stats(Plain.class.getName()).allocationFailures());
            assertEquals(0, h.stats(Other.class.getName()).allocationFailures());
            long plains = survivors.stream().flatMap(List::stream).filter(o -> o instanceof Plain).count();
            long others = survivors.stream().mapToLong(List::size).sum() - plains;
            assertEquals(constructed.get(), h.tracker.trackedObjects());
            h.awaitActive(Plain.class, plains);
            h.awaitActive(Other.class, others);
            assertEquals(constructed.get() - plains - others, h.tracker.reclaimedObjects());
            survivors.clear();
            h.awaitActive(Plain.class, 0);
            h.awaitActive(Other.class, 0);
        }
    }

    @Test
    void buffersOfEndedThreadsAreTakenOverAndTheirObjectsStillReclaimed() throws Exception {
        try (TrackerHarness h = new TrackerHarness()) {
            ConcurrentLinkedQueue<Object> survivors = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 1500; i++) {      // records in handed-off and current segments
                        Plain plain = new Plain();
                        h.constructed(plain);
                        if (i % 10 == 0) {
                            survivors.add(plain);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(4500, h.tracker.trackedObjects());
            await().atMost(Duration.ofSeconds(10)).until(() -> h.tracker.threadBuffers() == 0);
            assertEquals(4500, h.tracker.trackedObjects());
            h.awaitActive(Plain.class, 450);
            survivors.clear();
            h.awaitActive(Plain.class, 0);
            assertEquals(4500, h.tracker.reclaimedObjects());
        }
    }

    @Test
    void virtualThreadsShareStripesAndLeaveNoBufferBehind() throws Exception {
        Method startVirtualThread = startVirtualThreadMethod();
        assumeTrue(startVirtualThread != null, "virtual threads need JDK 21 or later");
        try (TrackerHarness h = new TrackerHarness()) {
            ConcurrentLinkedQueue<Object> survivors = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 1000; t++) {
                Runnable task = () -> {
                    for (int i = 0; i < 20; i++) {
                        Plain plain = new Plain();
                        h.constructed(plain);
                        if (i == 0) {
                            survivors.add(plain);
                        }
                    }
                };
                threads.add((Thread) startVirtualThread.invoke(null, task));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(0, h.tracker.threadBuffers());
            assertEquals(20_000, h.tracker.trackedObjects());
            h.awaitActive(Plain.class, 1000);
            survivors.clear();
            h.awaitActive(Plain.class, 0);
        }
    }

    private static Method startVirtualThreadMethod() {
        try {
            return Thread.class.getMethod("startVirtualThread", Runnable.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
