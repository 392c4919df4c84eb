package io.jslab.track;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.runtime.SlabHook;
import io.jslab.track.Fixtures.AlignedBase;
import io.jslab.track.Fixtures.AlignedChild;
import io.jslab.track.Fixtures.Other;
import io.jslab.track.Fixtures.Outer;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactCountTest {

    @Test
    void activeObjectsReturnToTheNumberStillReferencedAfterCollections() {
        try (TrackerHarness h = new TrackerHarness()) {
            List<Plain> plains = new ArrayList<>();
            List<Outer.Node> nodes = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                Plain plain = new Plain();
                h.constructed(plain);
                if (i % 3 == 0) {
                    plains.add(plain);                    // 1667 kept
                }
                Outer.Node node = new Outer.Node();
                h.constructed(node);
                if (i % 10 == 0) {
                    nodes.add(node);                      // 500 kept
                }
                h.constructed(new Other());               // none kept
            }
            assertEquals(15_000, h.tracker.trackedObjects());

            h.awaitActive(Plain.class, 1667);
            h.awaitActive(Outer.Node.class, 500);
            h.awaitActive(Other.class, 0);
            assertEquals(15_000 - 1667 - 500, h.tracker.reclaimedObjects());
            assertEquals(5000, h.stats(Plain.class.getName()).allocations());
            assertEquals(5000 - 1667, h.stats(Plain.class.getName()).frees());

            plains.subList(0, 1000).clear();
            h.awaitActive(Plain.class, 667);
            h.awaitActive(Outer.Node.class, 500);
            plains.clear();
            nodes.clear();
            h.awaitActive(Plain.class, 0);
            h.awaitActive(Outer.Node.class, 0);
            assertEquals(15_000, h.tracker.reclaimedObjects());
        }
    }

    @Test
    void oneCollectionIsEnoughWithoutWaitingForTheNextOne() {
        try (TrackerHarness h = new TrackerHarness()) {
            List<Plain> survivors = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Plain plain = new Plain();
                h.constructed(plain);
                if (i < 100) {
                    survivors.add(plain);
                }
            }
            System.gc();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> h.active(Plain.class) == 100);
            assertEquals(100, survivors.size());
        }
    }

    @Test
    void throughSlabHookASubclassObjectCountsOnlyInItsOwnCache() {
        try (TrackerHarness h = new TrackerHarness()) {
            SlabHook.install(h.tracker.constructedSink(), h.tracker.failedSink());
            try {
                List<Object> survivors = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    AlignedChild child = new AlignedChild();
                    // what instrumented constructors of both classes report for one child object
                    SlabHook.constructed(child, AlignedBase.class);
                    SlabHook.constructed(child, AlignedChild.class);
                    survivors.add(child);
                    AlignedBase base = new AlignedBase();
                    SlabHook.constructed(base, AlignedBase.class);
                    survivors.add(base);
                }
                assertEquals(80, h.tracker.trackedObjects());
                h.awaitActive(AlignedChild.class, 40);
                h.awaitActive(AlignedBase.class, 40);
                survivors.clear();
                h.awaitActive(AlignedChild.class, 0);
                h.awaitActive(AlignedBase.class, 0);
            } finally {
                SlabHook.install(null, null);
            }
        }
    }

    @Test
    void closedTrackerIgnoresConstructions() {
        try (TrackerHarness h = new TrackerHarness()) {
            Plain first = new Plain();
            h.constructed(first);
            h.tracker.close();
            h.constructed(new Plain());
            h.failed(first);
            assertEquals(1, h.tracker.trackedObjects());
            assertEquals(1, h.active(Plain.class));
            assertEquals(0, h.tracker.untrackedFailures());
            Reference.reachabilityFence(first);
        }
    }
}
