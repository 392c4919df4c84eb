package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jslab.arena.ArenaConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk allocation and free, as the kernel's kmem_cache_alloc_bulk and kmem_cache_free_bulk: many
 * slots in one pass under the cache lock, all or none, with the slab lists and counts exact.
 */
class SlabBulkTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private final ManualClock clock = new ManualClock(1_000);

    /** active, numObjs, activeSlabs, numSlabs, full, partial, empty. */
    private static String counts(SlabCache cache) {
        SlabCacheStats s = cache.stats();
        return s.activeObjects() + " " + s.numObjects() + " " + s.activeSlabs() + " " + s.numSlabs()
                + " full " + s.fullSlabs() + " partial " + s.partialSlabs() + " empty " + s.emptySlabs();
    }

    @Test
    void aBulkAllocationTakesWholeSlabsInAddressOrder() {
        SlabCache cache = fixture.openWithoutMagazines(clock).createCache("obj64", 64, false);
        long[] slots = new long[150];
        assertEquals(150, cache.allocateBulk(slots, 150));
        // 64 slots a slab: two full slabs and 22 slots of a third
        assertEquals("150 192 3 3 full 2 partial 1 empty 0", counts(cache));
        long[] sorted = slots.clone();
        Arrays.sort(sorted);
        assertEquals(150, Arrays.stream(sorted).distinct().count(), "no slot handed out twice");
        for (int i = 1; i < 64; i++) {
            assertEquals(slots[0] + 64L * i, slots[i], "a fresh slab gives its slots in address order");
        }
        assertEquals(150, cache.stats().allocations());
    }

    @Test
    void aBulkFreeRecordsEveryLifetimeAndEmptiesTheSlabs() {
        SlabCache cache = fixture.openWithoutMagazines(clock).createCache("obj64", 64, false);
        long[] slots = new long[128];
        cache.allocateBulk(slots, 128);
        clock.advance(40);
        cache.freeBulk(slots, 128);
        SlabCacheStats s = cache.stats();
        assertEquals("0 128 0 2 full 0 partial 0 empty 2", counts(cache));
        assertEquals(128, s.frees());
        assertEquals(40.0, s.medianLifetimeMillis());
        assertEquals(40.0, s.p99LifetimeMillis());
        assertEquals(2, cache.shrink());
    }

    @Test
    void bulkAndSingleSlotsMix() {
        SlabCache cache = fixture.open().createCache("obj64", 64, false);
        long single = cache.allocate(); // the thread's magazine takes 32
        long[] slots = new long[40];
        cache.allocateBulk(slots, 40); // 32 left in the first slab, 8 of a second
        assertEquals("41 128 2 2 full 1 partial 1 empty 0", counts(cache));
        cache.free(single);
        cache.freeBulk(slots, 40);
        assertEquals(0, cache.stats().activeObjects());
        assertEquals(41, cache.stats().allocations());
        assertEquals(41, cache.stats().frees());
    }

    @Test
    void anArenaThatCannotSupplyThemAllGivesNoneAndCountsEachAsAFailure() {
        // 16 pages in all: obj512 slabs are order 1 (16 slots a slab), so 8 slabs at most, 128 slots
        ArenaConfig tiny = new ArenaConfig(4096, 4, 64L << 10);
        SlabCache cache = fixture.open(tiny, 2, clock, 0).createCache("obj512", 512, false);
        long[] slots = new long[200];
        assertEquals(0, cache.allocateBulk(slots, 200));
        SlabCacheStats s = cache.stats();
        assertEquals(0, s.activeObjects());
        assertEquals(200, s.allocationFailures());
        assertEquals(0, s.allocations());
        assertEquals(128, cache.allocateBulk(slots, 128), "the slots taken on the way were given back");
        cache.freeBulk(slots, 128);
    }

    @Test
    void aBadAddressFreesNothing() {
        SlabAllocator slabs = fixture.openWithoutMagazines(clock);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long[] slots = new long[10];
        cache.allocateBulk(slots, 10);
        long[] bad = slots.clone();
        bad[9] = slots[0] + 8;
        IllegalArgumentException notASlot = assertThrows(IllegalArgumentException.class,
                () -> cache.freeBulk(bad, 10));
        assertEquals("address 0x" + Long.toHexString(slots[0] + 8) + " is not a slot of cache \"obj64\": it lies"
                + " 8 bytes into the slot at 0x" + Long.toHexString(slots[0]) + " (slots are 64 bytes)",
                notASlot.getMessage());
        assertEquals(10, cache.stats().activeObjects(), "nothing freed");

        long[] twice = slots.clone();
        twice[9] = slots[3];
        IllegalStateException named = assertThrows(IllegalStateException.class, () -> cache.freeBulk(twice, 10));
        assertEquals("double free of address 0x" + Long.toHexString(slots[3]) + " in cache \"obj64\":"
                + " the slot is already free", named.getMessage());
        assertEquals(10, cache.stats().activeObjects(), "a slot named twice frees nothing");

        cache.free(slots[5]);
        assertThrows(IllegalStateException.class, () -> cache.freeBulk(slots, 10));
        assertEquals(9, cache.stats().activeObjects(), "an already free slot frees nothing");
        long[] rest = Arrays.stream(slots).filter(a -> a != slots[5]).toArray();
        cache.freeBulk(rest, 9);
        assertEquals(0, cache.stats().activeObjects());

        SlabCache other = slabs.createCache("obj128", 128, false);
        assertThrows(IllegalArgumentException.class, () -> other.freeBulk(new long[] {slots[0]}, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> cache.allocateBulk(new long[2], 3));
    }

    @Test
    void wholeSlabsMoveBetweenTheEmptyAndFullListsAndCountEverySlot() {
        SlabAllocator slabs = fixture.openWithoutMagazines(clock);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long single = cache.allocate();                    // a partial slab, not taken whole
        long[] bases = new long[3];
        assertEquals(3, cache.allocateSlabs(bases, 3));
        assertEquals("193 256 4 4 full 3 partial 1 empty 0", counts(cache));
        assertEquals(193, cache.stats().allocations());
        for (long base : bases) {
            assertEquals(1_000, cache.allocatedAt(base + 64 * 63), "every slot holds the allocation time");
        }

        clock.advance(40);
        cache.freeSlabs(bases, 2);
        assertEquals("65 256 2 4 full 1 partial 1 empty 2", counts(cache));
        assertEquals(128, cache.stats().frees());
        assertEquals(Double.NaN, cache.stats().medianLifetimeMillis(), "whole slabs record no lifetimes");

        long[] again = new long[2];
        assertEquals(2, cache.allocateSlabs(again, 2), "the empty slabs are taken whole again");
        assertEquals("193 256 4 4 full 3 partial 1 empty 0", counts(cache));
        cache.freeSlabs(again, 2);
        cache.freeSlabs(new long[] {bases[2]}, 1);
        cache.free(single);
        assertEquals(0, cache.stats().activeObjects());
        assertEquals(4, cache.shrink());
    }

    @Test
    void aWholeSlabAllocationTheArenaCannotSupplyGivesNoneAndCountsEverySlotAsAFailure() {
        // 16 pages in all: obj512 slabs are order 1 (16 slots a slab), so 8 slabs at most
        ArenaConfig tiny = new ArenaConfig(4096, 4, 64L << 10);
        SlabCache cache = fixture.open(tiny, 2, clock, 0).createCache("obj512", 512, false);
        long[] bases = new long[9];
        assertEquals(0, cache.allocateSlabs(bases, 9));
        assertEquals(9 * 16, cache.stats().allocationFailures());
        assertEquals(0, cache.stats().activeObjects());
        assertEquals(8, cache.allocateSlabs(bases, 8), "the slabs taken on the way were given back");
        cache.freeSlabs(bases, 8);
    }

    @Test
    void onlySlabsTakenWholeGoBackWholeAndABadCallFreesNothing() {
        SlabAllocator slabs = fixture.openWithoutMagazines(clock);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long[] bases = new long[2];
        cache.allocateSlabs(bases, 2);
        long[] slots = new long[64];
        cache.allocateBulk(slots, 64);                     // a full slab, but slot by slot
        long notWhole = Arrays.stream(slots).min().getAsLong();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> cache.freeSlabs(new long[] {bases[0], notWhole}, 2));
        assertEquals("address 0x" + Long.toHexString(notWhole) + " is not a slab of cache \"obj64\" taken whole,"
                + " or is named twice", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cache.freeSlabs(new long[] {bases[1], bases[1]}, 2));
        assertThrows(IllegalArgumentException.class, () -> cache.freeSlabs(new long[] {bases[0] + 64}, 1));
        assertEquals(192, cache.stats().activeObjects(), "nothing freed");

        cache.freeSlabs(bases, 2);
        cache.freeBulk(slots, 64);
        assertEquals(0, cache.stats().activeObjects());
        assertThrows(IllegalArgumentException.class, () -> cache.freeSlabs(bases, 1), "already given back");
    }
}
