package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Full, partial and empty slabs with exact counts. Magazines are off here, so each allocation
 * and free moves the slab counts at once (the magazine tests show the batched behaviour).
 */
class SlabCacheListsTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private final ManualClock clock = new ManualClock(1_000);

    /** name, active, numObjs, activeSlabs, numSlabs, full, partial, empty. */
    private static String counts(SlabCache cache) {
        SlabCacheStats s = cache.stats();
        return s.activeObjects() + " " + s.numObjects() + " " + s.activeSlabs() + " " + s.numSlabs()
                + " full " + s.fullSlabs() + " partial " + s.partialSlabs() + " empty " + s.emptySlabs();
    }

    private static List<Long> allocate(SlabCache cache, int n) {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.add(cache.allocate());
        }
        return slots;
    }

    @Test
    void slabsMoveBetweenFullPartialAndEmpty() {
        SlabCache cache = fixture.openWithoutMagazines(clock).createCache("obj64", 64, false);
        assertEquals(64, cache.objectsPerSlab());
        assertEquals(1, cache.pagesPerSlab());
        assertEquals("0 0 0 0 full 0 partial 0 empty 0", counts(cache));

        List<Long> first = allocate(cache, 1);
        assertEquals("1 64 1 1 full 0 partial 1 empty 0", counts(cache));
        first.addAll(allocate(cache, 63));
        assertEquals("64 64 1 1 full 1 partial 0 empty 0", counts(cache));
        List<Long> second = allocate(cache, 1);
        assertEquals("65 128 2 2 full 1 partial 1 empty 0", counts(cache));

        cache.free(second.get(0));
        assertEquals("64 128 1 2 full 1 partial 0 empty 1", counts(cache));
        cache.free(first.get(10));
        assertEquals("63 128 1 2 full 0 partial 1 empty 1", counts(cache));

        long base = first.get(0);
        assertEquals(0, base % 4096, "a slab starts on a page");
        for (int i = 0; i < 64; i++) {
            assertEquals(base + 64L * i, first.get(i), "slots go out in address order");
        }
    }

    @Test
    void allocationTakesPartialSlabsThenEmptyThenNew() {
        SlabCache cache = fixture.openWithoutMagazines(clock).createCache("obj64", 64, false);
        List<Long> a = allocate(cache, 64);
        List<Long> b = allocate(cache, 64);
        List<Long> c = allocate(cache, 1);
        b.forEach(cache::free);
        long freedInA = a.get(5);
        cache.free(freedInA);
        assertEquals("64 192 2 3 full 0 partial 2 empty 1", counts(cache));

        assertEquals(freedInA, cache.allocate(), "the most recently partial slab first");
        List<Long> restOfC = allocate(cache, 63);
        assertEquals(c.get(0) + 64, restOfC.get(0), "then the other partial slab");
        assertEquals("128 192 2 3 full 2 partial 0 empty 1", counts(cache));

        long fromEmpty = cache.allocate();
        assertEquals(b.get(63), fromEmpty, "then the empty slab, its most recently freed slot");
        assertEquals("129 192 3 3 full 2 partial 1 empty 0", counts(cache));
        allocate(cache, 63);
        long fresh = cache.allocate();
        assertTrue(fresh < 0 || !a.contains(fresh) && !b.contains(fresh) && !c.contains(fresh));
        assertEquals("193 256 4 4 full 3 partial 1 empty 0", counts(cache));
    }

    @Test
    void freedSlotIsHandedOutAgainFirst() {
        SlabCache cache = fixture.openWithoutMagazines(clock).createCache("obj24", 24, false);
        long x = cache.allocate();
        long y = cache.allocate();
        cache.free(x);
        assertEquals(x, cache.allocate());
        cache.free(y);
        cache.free(x);
        assertEquals(x, cache.allocate());
        assertEquals(y, cache.allocate());
    }

    @Test
    void shrinkGivesBackEveryEmptySlabAndOnlyThose() {
        SlabCache cache = fixture.openWithoutMagazines(clock).createCache("obj700", 700, false);
        assertEquals(23, cache.objectsPerSlab());
        assertEquals(4, cache.pagesPerSlab());
        List<Long> slots = allocate(cache, 50); // 23 + 23 + 4
        assertEquals("50 69 3 3 full 2 partial 1 empty 0", counts(cache));
        assertEquals(0, cache.shrink());
        slots.subList(23, 50).forEach(cache::free);
        assertEquals("23 69 1 3 full 1 partial 0 empty 2", counts(cache));
        assertEquals(8, cache.shrink(), "two empty slabs of 4 pages");
        assertEquals("23 23 1 1 full 1 partial 0 empty 0", counts(cache));
        assertEquals(704, cache.objectSize(), "700 rounded up to 8");
        assertEquals(23L * 704, cache.stats().activeBytes());
        assertEquals(4L * 4096, cache.stats().memoryBytes());
        assertEquals(0, cache.shrink());
        slots.subList(0, 23).forEach(cache::free);
        assertEquals(4, cache.shrink());
        assertEquals("0 0 0 0 full 0 partial 0 empty 0", counts(cache));
    }

    @Test
    void slotRecordHoldsTheAllocationTimeAndFreeSlotsThePoison() {
        SlabAllocator slabs = fixture.openWithoutMagazines(clock);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        clock.set(123_456);
        long slot = cache.allocate();
        assertEquals(123_456, slabs.arena().getLong(slot));
        assertEquals(Slab.POISON_FREE, slabs.arena().getLong(slot + 64), "a new slab is poisoned");
        assertEquals(0x6b6b6b6b6b6b6b6bL, Slab.POISON_FREE);
        cache.free(slot);
        assertEquals(Slab.POISON_FREE, slabs.arena().getLong(slot));
    }

    @Test
    void hwcacheAlignRoundsTo64AndOtherwiseTo8() {
        SlabAllocator slabs = fixture.openWithoutMagazines(clock);
        SlabCache aligned = slabs.createCache("aligned", 65, true);
        assertEquals(128, aligned.objectSize());
        assertEquals(64, aligned.align());
        SlabCache plain = slabs.createCache("plain", 13, false);
        assertEquals(16, plain.objectSize());
        assertEquals(8, plain.align());
        assertEquals(64, slabs.createCache("tiny", 1, true).objectSize());
        assertEquals(8, slabs.createCache("byte", 1, false).objectSize());
    }
}
