package io.jslab.track;

import static org.awaitility.Awaitility.await;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A closed tracker (a detach) must not outlive the detach in the application's threads nor in
 * its classes: each thread that tracked an object keeps its buffer in a thread-local entry until
 * it touches its thread-locals again, and each tracked class keeps its class value until the JVM
 * drops it; neither may lead back to the tracker or its allocator, or every detach would leave
 * one more behind.
 */
class ClosedTrackerTest {

    @Test
    void aClosedTrackerAndItsAllocatorAreNotKeptAliveByAThreadOrAClassThatTrackedWithThem() {
        WeakReference<?>[] closed = trackOnThisThreadThenClose();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return closed[0].get() == null && closed[1].get() == null;
        });
    }

    private static WeakReference<?>[] trackOnThisThreadThenClose() {
        SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
        ObjectTracker tracker = new ObjectTracker(allocator, TrackerHarness.SIZE_24, (line, cause) -> { });
        for (int i = 0; i < 100; i++) {
            Plain plain = new Plain();
            tracker.constructedSink().accept(plain, Plain.class);
        }
        tracker.close();
        allocator.close();
        return new WeakReference<?>[] {new WeakReference<>(tracker), new WeakReference<>(allocator)};
    }
}
