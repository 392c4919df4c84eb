package io.jslab.track;

import static org.awaitility.Awaitility.await;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A closed tracker (a detach) must not outlive the detach in the application's threads: each
 * thread that tracked an object keeps its buffer in a thread-local entry until it touches its
 * thread-locals again, and that buffer must not lead back to the tracker.
 */
class ClosedTrackerTest {

    @Test
    void aClosedTrackerIsNotKeptAliveByAThreadThatTrackedWithIt() {
        WeakReference<ObjectTracker> closed = trackOnThisThreadThenClose();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return closed.get() == null;
        });
    }

    private static WeakReference<ObjectTracker> trackOnThisThreadThenClose() {
        SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
        ObjectTracker tracker = new ObjectTracker(allocator, TrackerHarness.SIZE_24, (line, cause) -> { });
        Plain plain = new Plain();
        tracker.constructedSink().accept(plain, Plain.class);
        tracker.close();
        allocator.close();
        return new WeakReference<>(tracker);
    }
}
