package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweeps step by step, on a tracker that was never started: no reclaimer thread and no GC
 * listener; the test announces its own collections ({@code System.gc()} is a full collection)
 * and runs the reclaimer's walk itself. Segments hold 32, 64, 128, 256, 512, then 1024 records,
 * so the first 2016 records fill five segments and a sixth, and the 2017th starts a seventh.
 */
class OwnerSweepTest {

    private final List<String> errors = new ArrayList<>();
    private SlabAllocator allocator;
    private ObjectTracker tracker;

    @BeforeEach
    void create() {
        allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
        tracker = new ObjectTracker(allocator, TrackerHarness.SIZE_24, (line, cause) -> errors.add(cause == null ? line : line + ": " + cause));
    }

    @AfterEach
    void close() {
        tracker.close();
        allocator.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void busyThreadFreesItsOwnDeadRecordsWhenItsSegmentFillsAfterACollection() {
        List<Plain> survivors = construct(2016, 4);                 // 504 kept, 1512 dead
        collect();
        assertEquals(2016, active(), "nobody swept yet");

        List<Plain> next = construct(1, 1);                         // a new segment: the owner sweeps
        assertEquals(1512, tracker.reclaimedObjects());
        assertEquals(504 + 1, active());

        tracker.walkOnce();                                         // nothing left for the reclaimer
        assertEquals(504 + 1, active());
        Reference.reachabilityFence(survivors);
        Reference.reachabilityFence(next);
    }

    @Test
    void noSweepWithoutACollectionInBetween() {
        construct(2016, 4);
        List<Plain> next = construct(1, 1);                         // a new segment, no collection
        System.gc();                                                // collected, but not announced
        assertEquals(2017, active());
        assertEquals(0, tracker.reclaimedObjects());
        Reference.reachabilityFence(next);
    }

    @Test
    void recordsThatSurviveTwoSweepsMoveToTheReclaimerWhichFreesThemLater() {
        List<Plain> old = construct(2016, 4);                       // 504 kept
        collect();
        List<Plain> young = construct(1, 1);                        // sweep 1: 1512 freed
        collect();
        young.addAll(construct(1024, 1));                           // fills 1024, sweep 2: promotes
        assertEquals(504 + 1025, active());

        old.clear();
        collect();
        assertEquals(504 + 1025, active(), "promoted records wait for the reclaimer");
        tracker.walkOnce();
        assertEquals(1025, active());
        assertEquals(2016, tracker.reclaimedObjects());
        Reference.reachabilityFence(young);
    }

    @Test
    void afterAYoungCollectionOldRecordsWaitForTheOnceASecondWalkAfterAFullOneTheyGoAtOnce() {
        List<Plain> old = construct(2016, 4);                       // 504 kept
        collect();
        List<Plain> young = construct(1, 1);
        collect();
        young.addAll(construct(1024, 1));                           // the 504 promoted
        tracker.walkAfterCollection(false);                         // and adopted by the reclaimer
        old.clear();
        System.gc();

        tracker.collectionEnded(false);
        tracker.walkAfterCollection(false);
        assertEquals(504 + 1025, active(), "a young collection cannot have cleared an old record");
        tracker.collectionEnded(true);
        tracker.walkAfterCollection(true);
        assertEquals(1025, active());
        Reference.reachabilityFence(young);
    }

    @Test
    void reclaimerSweepsTheBuffersOfIdleThreads() {
        List<Plain> survivors = construct(3000, 3);                 // 1000 kept
        collect();
        tracker.walkOnce();
        assertEquals(1000, active());
        assertEquals(2000, tracker.reclaimedObjects());
        Reference.reachabilityFence(survivors);
    }

    private List<Plain> construct(int count, int keepEvery) {
        List<Plain> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Plain plain = new Plain();
            tracker.constructedSink().accept(plain, Plain.class);
            if (i % keepEvery == 0) {
                kept.add(plain);
            }
        }
        return kept;
    }

    private void collect() {
        System.gc();
        tracker.collectionEnded(true);
    }

    private long active() {
        return allocator.cache(Plain.class.getName()).stats().activeObjects();
    }
}
