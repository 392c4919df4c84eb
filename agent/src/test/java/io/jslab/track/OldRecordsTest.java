package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reclaimer's long-lived records ({@link OldRecords}) without a collector:
 * {@link Reference#clear()} stands for the collector clearing a record whose object died.
 */
class OldRecordsTest {

    private static final int FULL = SlotBuffer.MAX_SEGMENT;

    private final List<String> errors = new ArrayList<>();
    private final SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
    private final SlotRecords records = new SlotRecords(allocator, (line, cause) -> errors.add(line));
    private final SlabCache cache = allocator.createCache("obj24", 24, false);
    private final OldRecords old = new OldRecords(records);
    private final List<Object> objects = new ArrayList<>();
    private final List<SlotRef> refs = new ArrayList<>();

    @AfterEach
    void close() {
        Reference.reachabilityFence(objects);
        allocator.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void adoptionFreesWhatDiedAlreadyAndKeepsTheRest() {
        Segment segment = segment(10);
        refs.get(3).clear();

        assertEquals(1, old.adopt(segment));
        assertEquals(9, old.count());
        assertEquals(9, cache.stats().activeObjects());
    }

    @Test
    void sweepFreesClearedRecordsAndDropsEmptySegments() {
        old.adopt(segment(FULL));
        old.adopt(segment(FULL));
        for (int i = 0; i < FULL; i++) {
            refs.get(i).clear();                            // the whole first segment died
        }
        refs.get(FULL).clear();                             // and one of the second

        assertEquals(FULL + 1, old.sweep());
        assertEquals(FULL - 1, old.count());
        assertEquals(FULL - 1, cache.stats().activeObjects());
        assertEquals(0, old.sweep(), "nothing more died");
    }

    @Test
    void sparseSegmentsArePackedTogetherAndEveryRecordIsStillFound() {
        for (int s = 0; s < 3; s++) {
            old.adopt(segment(FULL));
        }
        // Keep 10 records of each segment: each ends far under a quarter full.
        for (int i = 0; i < refs.size(); i++) {
            if (i % FULL >= 10) {
                refs.get(i).clear();
            }
        }

        assertEquals(3 * (FULL - 10), old.sweep());
        assertEquals(30, old.count());
        for (int i = 0; i < refs.size(); i++) {
            if (i % FULL < 10) {
                assertSame(refs.get(i), old.find(objects.get(i)), "record " + i);
            }
        }
        // Packed: a sweep after that frees the packed records as readily as any.
        refs.get(0).clear();
        refs.get(FULL + 5).clear();
        assertEquals(2, old.sweep());
        assertEquals(28, old.count());
        assertEquals(28, cache.stats().activeObjects());
        assertNull(old.find(new Object()));
    }

    @Test
    void segmentsAtLeastAQuarterFullStayAsTheyAre() {
        old.adopt(segment(FULL));
        for (int i = FULL / 4; i < FULL; i++) {
            refs.get(i).clear();
        }

        assertEquals(FULL - FULL / 4, old.sweep());
        assertEquals(FULL / 4, old.count());
        for (int i = 0; i < FULL / 4; i++) {
            assertSame(refs.get(i), old.find(objects.get(i)));
        }
    }

    /** A full segment of {@code n} new records, each holding a slot for a live object. */
    private Segment segment(int n) {
        Segment segment = new Segment(n);
        for (int i = 0; i < n; i++) {
            Object object = new Object();
            SlotRef ref = records.record(object, cache.allocate());
            objects.add(object);
            refs.add(ref);
            segment.add(ref);
        }
        return segment;
    }
}
