package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Threads allocate and free in shared caches at once, and free each other's slots through a
 * queue. Every live address is in one concurrent set: adding one that is already there would
 * mean a slot handed out twice. Length and threads: {@code jslab.stress.seconds} (2) and
 * {@code jslab.stress.threads} (4).
 */
class SlabStressTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private static final int SECONDS = Integer.getInteger("jslab.stress.seconds", 2);
    private static final int THREADS = Integer.getInteger("jslab.stress.threads", 4);

    /** A live slot and the cache it came from. */
    private record Slot(SlabCache cache, long address) {}

    @Test
    void noSlotIsHandedOutTwiceAndAllCountsAddUp() throws Exception {
        // room for every thread's live slots, whatever the random walk does: 256 MiB
        SlabAllocator slabs = fixture.open(new ArenaConfig(4096, 10, 256L << 20), 2, null,
                SlabCache.MAGAZINE_LIMIT);
        List<SlabCache> caches = List.of(slabs.createCache("obj64", 64, false),
                slabs.createCache("obj200", 200, false), slabs.kmallocCache(8192));
        Set<Long> live = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Slot> handedOver = new ConcurrentLinkedQueue<>();
        Map<SlabCache, LongAdder> allocations = new ConcurrentHashMap<>();
        Map<SlabCache, LongAdder> frees = new ConcurrentHashMap<>();
        caches.forEach(c -> {
            allocations.put(c, new LongAdder());
            frees.put(c, new LongAdder());
        });
        AtomicLong duplicates = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);

        runTogether("stress", (t, failure) -> {
            SplittableRandom random = new SplittableRandom(t);
            ArrayDeque<Slot> mine = new ArrayDeque<>();
            while (System.nanoTime() < deadline && failure.get() == null) {
                for (int i = 0; i < 256; i++) {
                    int roll = random.nextInt(10);
                    if (roll < 5 || mine.isEmpty()) {
                        SlabCache cache = caches.get(random.nextInt(caches.size()));
                        long address = cache.allocate();
                        if (address == SlabCache.NO_MEMORY) {
                            throw new AssertionError("arena exhausted");
                        }
                        allocations.get(cache).increment();
                        if (!live.add(address)) {
                            duplicates.incrementAndGet();
                        }
                        Slot slot = new Slot(cache, address);
                        if (roll == 0) {
                            handedOver.add(slot); // another thread frees it
                        } else {
                            mine.push(slot);
                        }
                    } else if (roll < 8) {
                        free(mine.pollFirst(), live, frees);
                    } else {
                        Slot other = handedOver.poll();
                        free(other != null ? other : mine.pollLast(), live, frees);
                    }
                }
                while (mine.size() > 1_000) {
                    free(mine.pollLast(), live, frees);
                }
            }
            for (Slot slot = mine.poll(); slot != null; slot = mine.poll()) {
                free(slot, live, frees);
            }
        });
        for (Slot slot = handedOver.poll(); slot != null; slot = handedOver.poll()) {
            free(slot, live, frees);
        }

        assertEquals(0, duplicates.get(), "slots handed out twice");
        assertTrue(live.isEmpty());
        slabs.maintain(); // the ended threads' magazines go back to the slabs
        long total = 0;
        for (SlabCache cache : caches) {
            SlabCacheStats stats = cache.stats();
            assertEquals(allocations.get(cache).sum(), stats.allocations(), cache.name());
            assertEquals(frees.get(cache).sum(), stats.frees(), cache.name());
            assertEquals(0, stats.activeObjects(), cache.name());
            total += stats.allocations();
        }
        assertTrue(total > 0);
        SlabFixture.validate(slabs);
        slabs.shrink();
        for (SlabCacheStats stats : slabs.stats()) {
            assertEquals(0, stats.numSlabs(), stats.name() + ": every slab is empty and given back");
        }
    }

    @Test
    void underArenaPressureFailuresAreCountedAndReclaimKeepsSlotsApart() throws Exception {
        // 64 pages in all: the threads run the arena dry, the reclaimer takes empty slabs back
        // from one cache while others allocate, and every refusal is counted exactly once
        SlabAllocator slabs = fixture.open(new ArenaConfig(4096, 6, 64 * 4096), 2, null,
                SlabCache.MAGAZINE_LIMIT);
        List<SlabCache> caches = List.of(slabs.createCache("obj64", 64, false),
                slabs.kmallocCache(8192));
        Set<Long> live = ConcurrentHashMap.newKeySet();
        Map<SlabCache, LongAdder> allocations = new ConcurrentHashMap<>();
        Map<SlabCache, LongAdder> refusals = new ConcurrentHashMap<>();
        Map<SlabCache, LongAdder> frees = new ConcurrentHashMap<>();
        caches.forEach(c -> {
            allocations.put(c, new LongAdder());
            refusals.put(c, new LongAdder());
            frees.put(c, new LongAdder());
        });
        AtomicLong duplicates = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        runTogether("pressure", (t, failure) -> {
            SplittableRandom random = new SplittableRandom(100 + t);
            ArrayDeque<Slot> mine = new ArrayDeque<>();
            while (System.nanoTime() < deadline && failure.get() == null) {
                SlabCache cache = caches.get(random.nextInt(caches.size()));
                long address = cache.allocate();
                if (address == SlabCache.NO_MEMORY) {
                    refusals.get(cache).increment();
                    while (!mine.isEmpty() && random.nextInt(4) != 0) {
                        free(mine.pollFirst(), live, frees);
                    }
                    if (random.nextInt(8) == 0) {
                        cache.shrink();
                    }
                    continue;
                }
                allocations.get(cache).increment();
                if (!live.add(address)) {
                    duplicates.incrementAndGet();
                }
                mine.push(new Slot(cache, address));
                if (random.nextInt(3) == 0) {
                    free(mine.pollLast(), live, frees);
                }
            }
            for (Slot slot = mine.poll(); slot != null; slot = mine.poll()) {
                free(slot, live, frees);
            }
        });
        assertEquals(0, duplicates.get(), "slots handed out twice");
        slabs.maintain();
        long refused = 0;
        for (SlabCache cache : caches) {
            SlabCacheStats stats = cache.stats();
            assertEquals(allocations.get(cache).sum(), stats.allocations(), cache.name());
            assertEquals(frees.get(cache).sum(), stats.frees(), cache.name());
            assertEquals(refusals.get(cache).sum(), stats.allocationFailures(), cache.name());
            assertEquals(0, stats.activeObjects(), cache.name());
            refused += stats.allocationFailures();
        }
        assertTrue(refused > 0, "the arena never ran dry: the test did not test pressure");
        SlabFixture.validate(slabs);
        slabs.shrink();
        for (SlabCacheStats stats : slabs.stats()) {
            assertEquals(0, stats.numSlabs(), stats.name());
        }
    }

    /** The body of one stress thread; it stops early once {@code failure} holds another's error. */
    @FunctionalInterface
    private interface Worker {
        void run(int index, AtomicReference<Throwable> failure) throws Exception;
    }

    /** Runs {@code worker} on {@link #THREADS} threads that start together; rethrows the first failure. */
    private static void runTogether(String name, Worker worker) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    worker.run(index, failure);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + t));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a stress thread failed", failure.get());
        }
    }

    private static void free(Slot slot, Set<Long> live, Map<SlabCache, LongAdder> frees) {
        // out of the set before the free: once freed, another thread may be handed the address
        if (!live.remove(slot.address())) {
            throw new AssertionError("freeing a slot not live: " + slot.address());
        }
        slot.cache().free(slot.address());
        frees.get(slot.cache()).increment();
    }
}
