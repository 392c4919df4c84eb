package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import io.jslab.slab.SlabCacheStats;
import io.jslab.track.Fixtures.Plain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArenaExhaustionTest {

    /** One chunk of eight 4 KiB pages, and no growth. */
    private static final ArenaConfig TINY = new ArenaConfig(4096, 3, 8 * 4096);

    @Test
    void objectsBeyondTheArenaStayUntrackedAndAreCountedAsFailures() {
        try (TrackerHarness h = new TrackerHarness(TINY, TrackerHarness.SIZE_24)) {
            List<Plain> all = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                all.add(new Plain());
                h.constructed(all.get(i));         // throws nothing
            }
            SlabCacheStats stats = h.stats(Plain.class.getName());
            long capacity = (long) stats.objectsPerSlab() * (8 / stats.pagesPerSlab());
            assertTrue(capacity < 5000, "capacity " + capacity);
            assertEquals(capacity, stats.activeObjects());
            assertEquals(capacity, h.tracker.trackedObjects());
            assertEquals(5000 - capacity, stats.allocationFailures());

            all.clear();
            h.awaitActive(Plain.class, 0);
            assertEquals(capacity, h.tracker.reclaimedObjects());

            List<Plain> again = new ArrayList<>();
            for (int i = 0; i < 100; i++) {        // slots freed by the reclaimer are reused
                again.add(new Plain());
                h.constructed(again.get(i));
            }
            assertEquals(100, h.active(Plain.class));
            assertEquals(5000 - capacity, h.stats(Plain.class.getName()).allocationFailures());
            again.clear();
            h.awaitActive(Plain.class, 0);
        }
    }
}
