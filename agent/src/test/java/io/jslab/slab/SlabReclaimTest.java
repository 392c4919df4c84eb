package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jslab.arena.ArenaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An arena of one chunk of 8 pages: when it is full, empty slabs of other caches are taken back. */
class SlabReclaimTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private static final ArenaConfig ONE_CHUNK = new ArenaConfig(4096, 3, 8 * 4096);

    private final List<String> failures = new CopyOnWriteArrayList<>();

    private SlabAllocator open() {
        SlabAllocator slabs = fixture.open(ONE_CHUNK, 2, null, 0);
        slabs.addListener(new SlabListener() {
            @Override
            public void allocationFailed(SlabCache cache) {
                failures.add(cache.name());
            }
        });
        return slabs;
    }

    private static List<Long> fill(SlabCache cache, int n) {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long slot = cache.allocate();
            assertNotEquals(SlabCache.NO_MEMORY, slot, "allocation " + i);
            slots.add(slot);
        }
        return slots;
    }

    @Test
    void fullArenaFailsCountsAndTells() {
        SlabAllocator slabs = open();
        SlabCache small = slabs.createCache("obj64", 64, false);
        List<Long> slots = fill(small, 8 * 64);
        assertEquals(SlabCache.NO_MEMORY, small.allocate());
        assertEquals(SlabCache.NO_MEMORY, small.allocate());
        assertEquals(2, small.stats().allocationFailures());
        assertEquals(List.of("obj64", "obj64"), failures);
        assertEquals(8 * 64, small.stats().activeObjects());
        slots.forEach(small::free);
    }

    @Test
    void emptySlabsOfAnotherCacheAreTakenBackWhenTheArenaRunsShort() {
        SlabAllocator slabs = open();
        SlabCache small = slabs.createCache("obj64", 64, false);
        fill(small, 8 * 64).forEach(small::free);
        assertEquals(8, small.stats().emptySlabs());

        SlabCache big = slabs.kmallocCache(8192); // order 3: the whole chunk
        long slot = big.allocate();
        assertNotEquals(SlabCache.NO_MEMORY, slot);
        assertEquals(0, small.stats().numSlabs(), "all 8 empty slabs went back");
        assertEquals(1, big.stats().numSlabs());
        assertEquals(List.of(), failures);
        big.free(slot);
    }

    @Test
    void reclaimLeavesSlabsInUseAlone() {
        SlabAllocator slabs = open();
        SlabCache small = slabs.createCache("obj64", 64, false);
        List<Long> slots = fill(small, 8 * 64);
        for (int i = 64; i < 8 * 64; i++) {
            small.free(slots.get(i)); // slabs 2..8 empty, slab 1 full
        }
        SlabCache big = slabs.kmallocCache(8192);
        assertEquals(SlabCache.NO_MEMORY, big.allocate(), "one page in use splits the chunk");
        assertEquals(1, small.stats().numSlabs(), "the 7 empty slabs went back all the same");
        assertEquals(List.of("kmalloc-8192"), failures);
        slots.subList(0, 64).forEach(small::free);
    }

    @Test
    void reclaimSkipsACacheWhoseLockIsBusy() throws Exception {
        SlabAllocator slabs = open();
        SlabCache small = slabs.createCache("obj64", 64, false);
        fill(small, 8 * 64).forEach(small::free);
        SlabCache big = slabs.kmallocCache(8192);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            small.lockForTests().lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                small.lockForTests().unlock();
            }
        });
        holder.start();
        held.await();
        try {
            assertEquals(SlabCache.NO_MEMORY, big.allocate(), "the busy cache is skipped, not waited for");
        } finally {
            release.countDown();
            holder.join();
        }
        assertEquals(8, small.stats().emptySlabs());
        assertEquals(List.of("kmalloc-8192"), failures);
        assertEquals(1, big.stats().allocationFailures());
        long slot = big.allocate();
        assertNotEquals(SlabCache.NO_MEMORY, slot, "with the lock free, the empty slabs go back");
        big.free(slot);
    }
}
