package io.jslab.track;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.track.Fixtures.Other;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code failedSink}: a delegating constructor threw after {@code this(...)} counted the object. */
class FailedConstructionTest {

    @Test
    void failedObjectIsTakenBackExactlyOnceAndNeverFreedAgain() {
        try (TrackerHarness h = new TrackerHarness()) {
            Plain failed = new Plain();
            h.constructed(failed);
            List<Object> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {          // constructed by the rest of the throwing constructor
                later.add(new Plain());
                h.constructed(later.get(i));
            }
            h.failed(failed);
            assertEquals(5, h.active(Plain.class));
            assertEquals(1, h.tracker.untrackedFailures());
            assertEquals(1, h.stats(Plain.class.getName()).frees());

            h.failed(failed);                      // not tracked any more: nothing to take back
            h.awaitTwoWalks();
            assertEquals(1, h.tracker.untrackedFailures());

            Reference.reachabilityFence(failed);
            failed = null;
            later.clear();
            h.awaitActive(Plain.class, 0);
            h.awaitTwoWalks();
            assertEquals(5, h.tracker.reclaimedObjects());
            assertEquals(6, h.stats(Plain.class.getName()).frees());
            assertEquals(1, h.tracker.untrackedFailures());
        }
    }

    @Test
    void failedObjectFarBackInItsThreadsRecordsIsTakenBackByTheReclaimer() {
        try (TrackerHarness h = new TrackerHarness()) {
            Plain failed = new Plain();
            h.constructed(failed);
            List<Other> later = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {       // several segments handed off since
                later.add(new Other());
                h.constructed(later.get(i));
            }
            h.failed(failed);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.tracker.untrackedFailures() == 1);
            assertEquals(0, h.active(Plain.class));
            assertEquals(3000, h.active(Other.class));
            Reference.reachabilityFence(failed);
            Reference.reachabilityFence(later);
        }
    }

    @Test
    void objectOfAClassNeverTrackedIsIgnored() {
        try (TrackerHarness h = new TrackerHarness()) {
            Other other = new Other();
            h.failed(other);
            h.awaitTwoWalks();
            assertEquals(0, h.tracker.untrackedFailures());
            assertEquals(null, h.cache(Other.class));
            Reference.reachabilityFence(other);
        }
    }
}
