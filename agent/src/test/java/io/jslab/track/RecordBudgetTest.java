package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCacheStats;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker's bound on the heap its records take ({@link RecordBudget}). */
class RecordBudgetTest {

    @Test
    void theLimitIsHalfTheHeapInRecords() {
        assertEquals((1L << 30) / 2 / 40, RecordBudget.ofHeap(1L << 30, 40).limit());
        assertEquals(13_421_772, RecordBudget.ofHeap(1L << 30, 40).limit());
        assertEquals(1, RecordBudget.ofHeap(100, 40).limit(), "at least one record");
    }

    @Test
    void aBudgetWithoutRoomForOneRecordIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecordBudget(0));
        assertEquals("a record budget must allow at least one record, got 0", e.getMessage());
    }

    @Test
    void exhaustedFromTheLimitOnAndNotBelowIt() {
        RecordBudget budget = new RecordBudget(100);
        assertFalse(budget.exhausted());
        budget.update(99);
        assertFalse(budget.exhausted());
        budget.update(100);
        assertTrue(budget.exhausted());
        budget.update(250);
        assertTrue(budget.exhausted());
        budget.update(99);
        assertFalse(budget.exhausted());
    }

    @Test
    void aStartedTrackerBudgetsHalfThisJvmsHeap() {
        try (TrackerHarness harness = new TrackerHarness()) {
            assertEquals(Runtime.getRuntime().maxMemory() / 2 / 48, harness.tracker.recordLimit());
        }
    }

    /**
     * On a tracker never started, the test runs the reclaimer's walks itself: the budget is checked
     * after each walk, objects constructed while it is exhausted are counted as allocation
     * failures of their cache, and tracking resumes once a walk finds the records below the limit.
     */
    @Test
    void objectsConstructedWhileTheBudgetIsExhaustedGoUntrackedAndAreCounted() {
        List<String> errors = new ArrayList<>();
        SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
        ObjectTracker tracker = new ObjectTracker(allocator, TrackerHarness.SIZE_24,
                (line, cause) -> errors.add(line), new RecordBudget(100));
        try {
            List<Plain> kept = construct(tracker, 150);    // checked only after a walk: all tracked
            assertEquals(150, stats(allocator).activeObjects());

            tracker.walkOnce();                             // 150 held >= 100: exhausted
            List<Plain> refused = construct(tracker, 10);
            assertEquals(150, stats(allocator).activeObjects());
            assertEquals(10, stats(allocator).allocationFailures());

            kept.subList(0, 60).clear();                    // 90 left live
            System.gc();
            tracker.collectionEnded(true);
            tracker.walkOnce();                             // 60 freed, 90 held < 100
            assertEquals(90, stats(allocator).activeObjects());

            List<Plain> more = construct(tracker, 5);
            assertEquals(95, stats(allocator).activeObjects());
            assertEquals(10, stats(allocator).allocationFailures());
            Reference.reachabilityFence(kept);
            Reference.reachabilityFence(refused);
            Reference.reachabilityFence(more);
        } finally {
            tracker.close();
            allocator.close();
        }
        assertEquals(List.of(), errors);
    }

    private static List<Plain> construct(ObjectTracker tracker, int count) {
        List<Plain> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Plain plain = new Plain();
            tracker.constructedSink().accept(plain, Plain.class);
            kept.add(plain);
        }
        return kept;
    }

    private static SlabCacheStats stats(SlabAllocator allocator) {
        return allocator.cache(Plain.class.getName()).stats();
    }
}
