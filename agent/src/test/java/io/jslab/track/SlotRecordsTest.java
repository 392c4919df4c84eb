package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import io.jslab.track.Fixtures.Plain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tracker's records: the layout its arena calls for, and frees through the page map. */
class SlotRecordsTest {

    /** 32 GiB of 4 MiB chunks: the smallest arena whose records must be wide; maps one chunk here. */
    private static final ArenaConfig ARENA_32_GIB = new ArenaConfig(4096, 10, 32L << 30);

    @Test
    void trackerOverASmallArenaFreesThroughCompactRecords() {
        try (TrackerHarness h = new TrackerHarness()) {
            assertTrue(h.tracker.compactRecords());
            trackAndReclaim(h, 3000, 1000);
        }
    }

    @Test
    void trackerOverA32GiBArenaFreesThroughWideRecords() {
        try (TrackerHarness h = new TrackerHarness(ARENA_32_GIB, TrackerHarness.SIZE_24)) {
            assertFalse(h.tracker.compactRecords());
            trackAndReclaim(h, 3000, 1000);
            assertEquals(1, h.allocator.arena().stats().chunks());     // of 8192 it may map
            assertEquals(8192, h.allocator.arena().stats().maxChunks());
        }
    }

    /** Tracks {@code n} objects, keeps {@code kept}, and checks every other one is freed exactly once. */
    private static void trackAndReclaim(TrackerHarness h, int n, int kept) {
        List<Plain> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Plain plain = new Plain();
            h.constructed(plain);
            if (i < kept) {
                live.add(plain);
            }
        }
        h.awaitActive(Plain.class, kept);
        assertEquals(n - kept, h.tracker.reclaimedObjects());
        live.clear();
        h.awaitActive(Plain.class, 0);
        assertEquals(n, h.tracker.reclaimedObjects());
        assertEquals(n, h.stats(Plain.class.getName()).frees());
    }

    @Test
    void aSlotTheSlabLayerRefusesIsReportedWithItsAddressAndCache() {
        List<String> errors = new ArrayList<>();
        try (SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA))) {
            SlotRecords records = new SlotRecords(allocator, (line, cause) -> errors.add(line + ": " + cause.getMessage()));
            SlabCache cache = allocator.createCache("obj24", 24, false);
            long slot = cache.allocate();
            SlotRef ref = records.record(new Object(), slot);
            cache.free(slot);                           // behind the record's back

            assertFalse(records.release(ref));
            assertFalse(records.release(ref));          // taken already: no second report
            String hex = "0x" + Long.toHexString(slot);
            assertEquals(List.of("cannot free the tracked slot at " + hex + " of cache obj24: double free of address "
                    + hex + " in cache \"obj24\": the slot is already free"), errors);

            errors.clear();
            long foreign = 1L << 21;                    // in the arena's chunk, in no slab
            assertFalse(records.release(records.record(new Object(), foreign)));
            assertEquals(List.of("cannot free the tracked slot at 0x200000 (no cache holds it): address 0x200000"
                    + " is not a slot of any cache of this allocator"), errors);
        }
    }

    @Test
    void releaseFreesTheSlotIntoItsOwnCacheOnce() {
        try (SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA))) {
            SlotRecords records = new SlotRecords(allocator, (line, cause) -> {
                throw new AssertionError(line, cause);
            });
            SlabCache a = allocator.createCache("a", 24, false);
            SlabCache b = allocator.createCache("b", 24, false);
            SlotRef inA = records.record(new Object(), a.allocate());
            SlotRef inB = records.record(new Object(), b.allocate());
            assertTrue(records.release(inB));
            assertFalse(records.release(inB));
            assertEquals(1, a.stats().activeObjects());
            assertEquals(0, b.stats().activeObjects());
            assertTrue(records.release(inA));
            assertEquals(0, a.stats().activeObjects());
            assertEquals(1, a.stats().frees());
            assertEquals(1, b.stats().frees());
        }
    }
}
