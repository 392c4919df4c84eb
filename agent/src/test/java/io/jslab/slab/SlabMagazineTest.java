package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Magazines: a thread takes half a magazine of slots at a time and gives back half when its
 * magazine is full. Slots in a magazine count as used by their slab, not as active objects.
 */
class SlabMagazineTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    /** active, numObjs, activeSlabs, numSlabs, full, partial, empty. */
    private static String counts(SlabCache cache) {
        SlabCacheStats s = cache.stats();
        return s.activeObjects() + " " + s.numObjects() + " " + s.activeSlabs() + " " + s.numSlabs()
                + " full " + s.fullSlabs() + " partial " + s.partialSlabs() + " empty " + s.emptySlabs();
    }

    @Test
    void magazineCapacityFollowsTheSlab() {
        SlabAllocator slabs = fixture.open();
        assertEquals(64, slabs.createCache("obj64", 64, false).magazineCapacity());
        assertEquals(64, slabs.createCache("obj8", 8, false).magazineCapacity());
        assertEquals(14, slabs.createCache("obj1100", 1100, false).magazineCapacity());
        assertEquals(4, slabs.kmallocCache(8192).magazineCapacity());
        assertEquals(2, slabs.createCache("big", 40000, false).magazineCapacity());
    }

    @Test
    void aThreadTakesHalfAMagazineAtATime() {
        SlabCache cache = fixture.open().createCache("obj64", 64, false);
        List<Long> slots = new ArrayList<>();
        slots.add(cache.allocate());
        assertEquals("1 64 1 1 full 0 partial 1 empty 0", counts(cache)); // 32 taken from the slab
        for (int i = 1; i < 32; i++) {
            slots.add(cache.allocate());
        }
        assertEquals("32 64 1 1 full 0 partial 1 empty 0", counts(cache));
        slots.add(cache.allocate());
        assertEquals("33 64 1 1 full 1 partial 0 empty 0", counts(cache)); // the other 32
        for (int i = 0; i < 33; i++) {
            assertEquals(slots.get(0) + 64L * i, slots.get(i), "address order within a batch");
        }
        slots.forEach(cache::free); // 31 + 33 = 64: the magazine is exactly full
        // no object is active, but the slab counts its 64 slots in the magazine as used
        assertEquals("0 64 1 1 full 1 partial 0 empty 0", counts(cache));
        assertEquals(33, cache.stats().frees());
        assertEquals(1, cache.shrink(), "shrink gives the thread's own magazine back first");
        assertEquals("0 0 0 0 full 0 partial 0 empty 0", counts(cache));
    }

    @Test
    void aFullMagazineGivesItsOlderHalfBack() {
        SlabCache cache = fixture.open().createCache("obj64", 64, false);
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            slots.add(cache.allocate());
        }
        // slab 1 full (64), slab 2 has given 32: 1 handed out, 31 in the magazine
        assertEquals("65 128 2 2 full 1 partial 1 empty 0", counts(cache));
        for (int i = 0; i < 34; i++) {
            cache.free(slots.get(i));
        }
        // the 34th free found the magazine full (31 + 33) and gave back its 32 oldest: slab 2's
        // 31 unused slots and slot 0 of slab 1; slab 2 then holds only its handed-out slot
        assertEquals("31 128 2 2 full 0 partial 2 empty 0", counts(cache));
        for (int i = 34; i < 65; i++) {
            cache.free(slots.get(i));
        }
        assertEquals(2, cache.shrink());
    }

    @Test
    void slotsOfAnEndedThreadComeBackOnMaintain() throws Exception {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long[] slot = new long[1];
        Thread worker = new Thread(() -> slot[0] = cache.allocate());
        worker.start();
        worker.join();
        assertEquals("1 64 1 1 full 0 partial 1 empty 0", counts(cache));
        assertEquals(0, cache.shrink(), "the ended thread's magazine still holds 31 slots");
        slabs.maintain();
        assertEquals("1 64 1 1 full 0 partial 1 empty 0", counts(cache)); // 31 back in the slab
        cache.free(slot[0]); // into this thread's magazine: the slab still counts it used
        assertEquals("0 64 1 1 full 0 partial 1 empty 0", counts(cache));
        assertEquals(1, cache.shrink());
        assertEquals(1, cache.stats().allocations());
        assertEquals(1, cache.stats().frees());
    }

    @Test
    void aClosedAllocatorLeavesEachThreadsMagazineWithoutItsSlots() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long[] held = new long[40];
        for (int i = 0; i < held.length; i++) {
            held[i] = cache.allocate();
        }
        for (long address : held) {
            cache.free(address);                       // the magazine fills again
        }
        Magazine m = cache.magazineOfThisThread();
        assertTrue(m.count > 0 && m.slots.length > 1, "the thread's magazine holds slots");

        slabs.close();
        assertEquals(0, m.count, "the thread-local entry outlives the cache: it keeps no slot");
        assertEquals(1, m.slots.length);
        long[] lifetimes = new long[LifetimeHistogram.BUCKETS];
        m.addLifetimesTo(lifetimes);
        assertEquals(0, java.util.Arrays.stream(lifetimes).sum(), "nor its lifetime histogram");
    }
}
