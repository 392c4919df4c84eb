package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Bad frees and bad requests: refused with one exact line, the allocator left intact. */
class SlabMisuseTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private static String message(Class<? extends Throwable> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    @Test
    void doubleFreeIsRefusedFromTheMagazineAndFromTheSlab() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        cache.free(slot); // now in this thread's magazine
        assertEquals("double free of address " + hex(slot) + " in cache \"obj64\": the slot is already free",
                message(IllegalStateException.class, () -> cache.free(slot)));
        long never = slot + 64; // a poisoned slot of the same slab, never handed out
        assertEquals("double free of address " + hex(never) + " in cache \"obj64\": the slot is already free",
                message(IllegalStateException.class, () -> cache.free(never)));
        assertEquals("double free of address " + hex(slot) + " in cache \"obj64\": the slot is already free",
                message(IllegalStateException.class, () -> slabs.kfree(slot)));
        assertEquals(0, cache.stats().activeObjects());
        assertEquals(1, cache.stats().frees());
    }

    @Test
    void addressOutsideEverySlabIsForeign() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        long outside = slot + (1L << 20);
        assertEquals("address " + hex(outside) + " is not a slot of cache \"obj64\": no slab of this allocator holds it",
                message(IllegalArgumentException.class, () -> cache.free(outside)));
        assertEquals("address 0xffffffffffffffff is not a slot of cache \"obj64\": no slab of this allocator holds it",
                message(IllegalArgumentException.class, () -> cache.free(SlabCache.NO_MEMORY)));
        assertEquals("address " + hex(outside) + " is not a slot of any cache of this allocator",
                message(IllegalArgumentException.class, () -> slabs.kfree(outside)));
        assertEquals("address 0x7fffffffffffffff is not a slot of any cache of this allocator",
                message(IllegalArgumentException.class, () -> slabs.kfree(Long.MAX_VALUE)));
        cache.free(slot);
    }

    @Test
    void addressInsideASlotIsMisaligned() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        assertEquals("address " + hex(slot + 68) + " is not a slot of cache \"obj64\": it lies 4 bytes into the slot at "
                        + hex(slot + 64) + " (slots are 64 bytes)",
                message(IllegalArgumentException.class, () -> cache.free(slot + 68)));
        assertEquals("address " + hex(slot + 8) + " is not a slot of cache \"obj64\": it lies 8 bytes into the slot at "
                        + hex(slot) + " (slots are 64 bytes)",
                message(IllegalArgumentException.class, () -> slabs.kfree(slot + 8)));
        cache.free(slot);
    }

    @Test
    void addressInTheTailOfASlabIsNoSlot() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj200", 200, false); // 20 slots, 96 bytes of tail
        long slot = cache.allocate();
        long tail = slot + 20 * 200;
        assertEquals("address " + hex(tail) + " is not a slot of cache \"obj200\": it lies in the unused tail of the slab at "
                        + hex(slot) + ", past its 20 slots",
                message(IllegalArgumentException.class, () -> cache.free(tail)));
        cache.free(slot);
    }

    @Test
    void slotOfAnotherCacheIsRefusedByName() {
        SlabAllocator slabs = fixture.open();
        SlabCache a = slabs.createCache("a", 64, false);
        SlabCache b = slabs.createCache("b", 64, false);
        long slot = a.allocate();
        assertEquals("address " + hex(slot) + " is not a slot of cache \"b\": it belongs to cache \"a\"",
                message(IllegalArgumentException.class, () -> b.free(slot)));
        assertEquals(1, a.stats().activeObjects());
        slabs.kfree(slot);
        assertEquals(0, a.stats().activeObjects());
    }

    @Test
    void slotOfAShrunkSlabIsForeign() {
        SlabAllocator slabs = fixture.openWithoutMagazines(null);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        cache.free(slot);
        assertEquals(1, cache.shrink());
        assertEquals("address " + hex(slot) + " is not a slot of cache \"obj64\": no slab of this allocator holds it",
                message(IllegalArgumentException.class, () -> cache.free(slot)));
    }

    @Test
    void kmallocSizesOutsideOneTo8192AreRefused() {
        SlabAllocator slabs = fixture.open();
        assertEquals("kmalloc size 8193 is out of range: accepted 1 to 8192 bytes",
                message(IllegalArgumentException.class, () -> slabs.kmalloc(8193)));
        assertEquals("kmalloc size 0 is out of range: accepted 1 to 8192 bytes",
                message(IllegalArgumentException.class, () -> slabs.kmalloc(0)));
        assertEquals("kmalloc size -1 is out of range: accepted 1 to 8192 bytes",
                message(IllegalArgumentException.class, () -> slabs.kmalloc(-1)));
        assertEquals(0, slabs.caches().size());
    }

    @Test
    void badCacheNamesAndSizesAreRefused() {
        SlabAllocator slabs = fixture.open(); // 4 KiB pages, order 10: 4 MiB blocks at most
        slabs.createCache("taken", 64, false);
        assertEquals("cache name \"taken\" is taken",
                message(IllegalArgumentException.class, () -> slabs.createCache("taken", 32, false)));
        assertEquals("cache name must not be empty",
                message(IllegalArgumentException.class, () -> slabs.createCache("", 32, false)));
        assertEquals("cache name must not be empty",
                message(IllegalArgumentException.class, () -> slabs.createCache(null, 32, false)));
        assertEquals("cache name \"my cache\" holds white space: slabinfo separates its columns with spaces",
                message(IllegalArgumentException.class, () -> slabs.createCache("my cache", 32, false)));
        assertEquals("cache name \"tab\tbed\" holds white space: slabinfo separates its columns with spaces",
                message(IllegalArgumentException.class, () -> slabs.createCache("tab\tbed", 32, false)));
        assertEquals("object size 0 of cache \"zero\" is out of range: accepted 1 to 4194304 bytes (one slab of the arena's largest block)",
                message(IllegalArgumentException.class, () -> slabs.createCache("zero", 0, false)));
        assertEquals("object size 4194305 of cache \"huge\" is out of range: accepted 1 to 4194304 bytes (one slab of the arena's largest block)",
                message(IllegalArgumentException.class, () -> slabs.createCache("huge", 4194305, true)));
        assertEquals("object size 2147483647 of cache \"max\" is out of range: accepted 1 to 4194304 bytes (one slab of the arena's largest block)",
                message(IllegalArgumentException.class, () -> slabs.createCache("max", Integer.MAX_VALUE, false)));
        SlabCache largest = slabs.createCache("largest", 4194304, false);
        assertEquals(10, largest.order());
        assertEquals(1, largest.objectsPerSlab());
        assertEquals(1024, largest.pagesPerSlab());
        assertEquals(2, slabs.caches().size());
    }

    @Test
    void badCpuCountIsRefused() {
        assertEquals("cpus 0 must be at least 1", message(IllegalArgumentException.class,
                () -> fixture.open(SlabFixture.SMALL, 0, null, 0)));
    }
}
