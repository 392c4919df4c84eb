package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two threads free the same slot at the same moment, many times over: exactly one free succeeds
 * each time, the other is refused as a double free, and no slot is ever handed out twice.
 *
 * <p>How the frees are made to race: the test thread and one racer spin, neither parks, on a
 * volatile round number; the test thread publishes the round and frees at once, the racer frees
 * the moment it sees the round. Each side notes {@code nanoTime} before and after its call; a
 * round whose two intervals overlap is one where both calls were inside {@code free} together,
 * and the test requires such rounds, so it cannot pass without having raced. (Before the check
 * and the poison became one atomic exchange, both frees of an overlapping round could succeed.)
 * Rounds come from {@code jslab.stress.rounds}.
 */
class RacingFreesTest {

    private static final int ROUNDS = Integer.getInteger("jslab.stress.rounds", 20_000);

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    @Test
    void ofTwoRacingFreesOfOneSlotExactlyOneSucceeds() throws Exception {
        SlabCache cache = fixture.open().createCache("raced", 64, false);
        assertExactlyOneWinsEachRound(cache, () -> cache.free(Race.slot));
    }

    @Test
    void aBulkFreeRacingASingleFreeOfOneSlotLetsExactlyOneSucceed() throws Exception {
        SlabCache cache = fixture.open().createCache("raced-bulk", 64, false);
        assertExactlyOneWinsEachRound(cache, () -> cache.freeBulk(new long[] {Race.slot}, 1));
    }

    private static void assertExactlyOneWinsEachRound(SlabCache cache, Runnable racerFree) throws Exception {
        Race race = new Race(racerFree);
        Thread racer = new Thread(race::racerLoop, "racer");
        racer.start();
        int overlapping = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Race.slot = cache.allocate();
                long start = System.nanoTime();
                race.round = round; // releases the racer
                boolean won = tryFree(() -> cache.free(Race.slot));
                long end = System.nanoTime();
                while (race.finished.get() < round) {
                    Thread.onSpinWait();
                }
                assertEquals(null, race.failure.get());
                int winners = (won ? 1 : 0) + (race.won ? 1 : 0);
                assertEquals(1, winners, "round " + round + ": frees that succeeded");
                if (start < race.end && race.start < end) {
                    overlapping++;
                }
            }
        } finally {
            race.round = -1;
            racer.join();
        }
        assertTrue(overlapping > 0, "no round had both frees in flight at once: nothing raced");
        SlabCacheStats stats = cache.stats();
        assertEquals(ROUNDS, stats.allocations());
        assertEquals(ROUNDS, stats.frees(), "one free counted per round");
        assertSlotsHandedOutOnce(cache, stats.numObjects());
    }

    /** Every slot of the cache, allocated at once, is a different address. */
    private static void assertSlotsHandedOutOnce(SlabCache cache, long slots) {
        Set<Long> seen = new HashSet<>();
        long[] taken = new long[(int) slots];
        for (int i = 0; i < taken.length; i++) {
            taken[i] = cache.allocate();
            assertTrue(seen.add(taken[i]), "slot " + Long.toHexString(taken[i]) + " handed out twice");
        }
        for (long slot : taken) {
            cache.free(slot);
        }
    }

    private static boolean tryFree(Runnable free) {
        try {
            free.run();
            return true;
        } catch (IllegalStateException doubleFree) {
            return false;
        }
    }

    /** The racer's side: plain fields written before {@code finished} is bumped, read after. */
    private static final class Race {
        static volatile long slot;

        final Runnable free;
        final AtomicInteger finished = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile int round;
        boolean won;
        long start;
        long end;

        Race(Runnable free) {
            this.free = free;
        }

        void racerLoop() {
            int done = 0;
            while (true) {
                int r;
                while ((r = round) == done) {
                    Thread.onSpinWait();
                }
                if (r < 0) {
                    return;
                }
                start = System.nanoTime();
                try {
                    won = tryFree(free);
                } catch (Throwable t) {
                    failure.set(t);
                }
                end = System.nanoTime();
                done = r;
                finished.set(r);
            }
        }
    }
}
