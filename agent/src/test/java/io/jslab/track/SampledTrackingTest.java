package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import io.jslab.slab.SlabCacheStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A class watched one in a hundred (SPEC 2a): every construction counted, the slots standing for
 * the estimate with the slabinfo invariants intact, copies counted, and the budget's water
 * filling. The tracker is not started: the test plays the collector's notifications and the
 * controller's walks itself.
 */
class SampledTrackingTest {

    static final class Hot {
        final int n;

        Hot(int n) {
            this.n = n;
        }
    }

    static final class Cold {
    }

    private final List<String> errors = new ArrayList<>();
    private final SlabAllocator allocator = new SlabAllocator(new BuddyArena(new ArenaConfig(4096, 10, 16L << 20)));
    private final ObjectTracker tracker = new ObjectTracker(allocator, o -> 24, (line, cause) -> errors.add(line),
            null, 50_000, type -> type == Cold.class);

    @Test
    void slotsInUseEqualTheEstimateAndTheInvariantsHold() {
        List<Hot> kept = new ArrayList<>();
        construct(kept, 1);
        Tally tally = tracker.tally(Hot.class);
        tally.weight(100);
        construct(kept, 99_999);
        SlabCache cache = allocator.cache(Hot.class.getName());

        settle(tally);
        Estimate before = tracker.estimate(cache);
        assertEquals(100_000, before.allocations());
        assertEquals(100_000, before.active(), "all constructed since the last collection: exact");
        assertEquals(0, before.error());
        assertFalse(before.exact());
        assertEquals(0.01, before.watchedFraction());
        assertEquals(before.active(), cache.stats().activeObjects());
        checkInvariants(cache.stats());
        assertTrue(tally.reserveBytes() < 16 << 10, "an address a slab, not a slot (98,000 slots would take"
                + " 784 KB): " + tally.reserveBytes() + " bytes");

        // A collection takes the odd-numbered objects: about half of the watched ones die.
        tracker.collectionEnded(true);
        kept.removeIf(h -> h.n % 2 == 1);
        gcUntilCleared(cache);
        tally.weight(100); // the controller would widen the weight from this test's rate; keep it
        settle(tally);
        Estimate after = tracker.estimate(cache);
        assertTrue(Math.abs(after.active() - 50_000) <= 4 * after.error() + 1,
                "estimate " + after.active() + " +- " + after.error() + " of 50000");
        assertTrue(after.error() > 0);
        assertEquals(after.active(), cache.stats().activeObjects());
        checkInvariants(cache.stats());
        assertEquals(List.of(), errors);
    }

    @Test
    void aClassForcedExactIsWatchedEntirely() {
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            Cold c = new Cold();
            kept.add(c);
            tracker.constructedSink().accept(c, Cold.class);
        }
        tracker.control(System.nanoTime() + 1_000_000_000L);
        SlabCache cache = allocator.cache(Cold.class.getName());
        Estimate e = tracker.estimate(cache);
        assertTrue(e.exact());
        assertEquals(30_000, e.active());
        assertEquals(30_000, e.watched());
        assertEquals(30_000, cache.stats().activeObjects());
        assertTrue(tracker.forcedExact(cache));
    }

    @Test
    void aCopyMadeByCloneCountsInItsRuntimeClassOnce() {
        Hot original = new Hot(1);
        tracker.constructedSink().accept(original, Hot.class);
        tracker.clonedSink().accept(new Hot(2), Hot.class);            // copy made in Hot itself
        tracker.clonedSink().accept(new Cold(), Hot.class);           // a subclass never tracked: not
        assertEquals(2, tracker.tally(Hot.class).constructions());
        assertEquals(null, tracker.tally(Cold.class));
    }

    @Test
    void theBudgetIsFilledFromTheSlowestClassUp() {
        Tally slow = new Tally(null, "slow", false);
        Tally mid = new Tally(null, "mid", false);
        Tally fast = new Tally(null, "fast", false);
        Tally forced = new Tally(null, "forced", true);
        WatchBudget budget = new WatchBudget(10_000);
        List<Tally> all = List.of(slow, mid, fast, forced);
        budget.rebalance(all, 1_000_000_000L);
        countTimes(slow, 1_000);
        countTimes(mid, 5_000);
        countTimes(fast, 1_000_000);
        countTimes(forced, 2_000);
        budget.rebalance(all, 2_000_000_000L); // one second later
        // forced takes 2,000 of 10,000; slow (1,000) fits a third of 8,000; mid (5,000) is over
        // half of the 7,000 left, so mid and fast get 3,500 each.
        assertEquals(1, forced.weight());
        assertEquals(1, slow.weight());
        assertEquals((int) Math.ceil(5_000 / 3_500.0), mid.weight());
        assertEquals((int) Math.ceil(1_000_000 / 3_500.0), fast.weight());
    }

    @Test
    void aBurstDoublesTheWeightBeforeTheControllerRuns() {
        Tally burst = new Tally(null, "burst", false, 100);
        for (int i = 0; i < 100_000; i++) {
            int w = burst.count();
            if (w > 0) {
                burst.watched(w, burst.epoch());
            }
        }
        assertTrue(burst.weight() >= 512, "weight " + burst.weight());
        assertTrue(burst.watchedObjects() < 2_000, "watched " + burst.watchedObjects());
        assertEquals(100_000, burst.constructions());

        Tally forced = new Tally(null, "forced", true, 100);
        for (int i = 0; i < 1_000; i++) {
            forced.watched(forced.count(), forced.epoch());
        }
        assertEquals(1, forced.weight(), "a class forced exact stays exact");
    }

    private static void countTimes(Tally tally, int n) {
        for (int i = 0; i < n; i++) {
            tally.count();
        }
    }

    private void construct(List<Hot> kept, int n) {
        int base = kept.size();
        for (int i = 0; i < n; i++) {
            Hot h = new Hot(base + i);
            kept.add(h);
            tracker.constructedSink().accept(h, Hot.class);
        }
    }

    private void gcUntilCleared(SlabCache cache) {
        for (int i = 0; i < 20; i++) {
            System.gc();
            tracker.walkOnce();
        }
    }

    private void settle(Tally tally) {
        tally.settleReserve();
    }

    private static void checkInvariants(SlabCacheStats s) {
        assertTrue(s.activeObjects() <= s.numObjects());
        assertEquals(s.numObjects(), s.numSlabs() * s.objectsPerSlab());
        assertEquals(s.numSlabs(), s.fullSlabs() + s.partialSlabs() + s.emptySlabs());
        assertTrue(s.activeObjects() >= s.fullSlabs() * (long) s.objectsPerSlab());
    }
}
