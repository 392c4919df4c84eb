package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The estimator of SPEC 2a against populations whose truth is known: objects constructed over
 * several collection epochs, each surviving each collection with a known probability, watched
 * through {@link Tally#count} exactly as the hook does. Over many trials the stated 95% interval
 * must hold the true live count about 95% of the time.
 */
class TallyEstimateTest {

    private static final int TRIALS = 1000;

    @Test
    void everyObjectWatchedIsAnExactCountWithNoError() {
        Tally tally = new Tally(null, "T", false);
        Population p = new Population(tally, new SplittableRandom(1));
        for (int epoch = 0; epoch < 5; epoch++) {
            p.construct(1000);
            p.collect(0.5);
        }
        p.construct(123);
        Estimate e = tally.estimate();
        assertTrue(e.exact());
        assertEquals(0, e.error());
        assertEquals(p.live, e.active());
        assertEquals(5123, e.allocations());
    }

    @Test
    void objectsConstructedSinceTheLastCollectionCountExactlyWhateverTheWeight() {
        Tally tally = new Tally(null, "T", false);
        tally.weight(1000);
        Population p = new Population(tally, new SplittableRandom(2));
        p.construct(54321);
        Estimate e = tally.estimate();
        assertEquals(54321, e.active());
        assertEquals(0, e.error());
        assertFalse(e.exact()); // a sample is being drawn: later epochs will be estimates
    }

    @Test
    void intervalCoversTheTruthAbout95PercentAtAHundredThousandLive() {
        // 10 epochs of 100,000 constructions, a quarter surviving each collection, one in 100
        // watched, then 20,000 since the last collection: about 53,000 live.
        double coverage = coverage(10, 100_000, 0.75, 100, 20_000, 3);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
    }

    @Test
    void intervalCoversTheTruthWhenTheWeightChangesBetweenEpochs() {
        double coverage = coverage(8, 50_000, 0.5, -1, 5_000, 4);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
    }

    @Test
    void estimateIsUnbiased() {
        SplittableRandom random = new SplittableRandom(5);
        double sumError = 0;
        double sumTruth = 0;
        for (int t = 0; t < TRIALS; t++) {
            Tally tally = new Tally(null, "T", false);
            tally.weight(50);
            Population p = new Population(tally, random.split());
            for (int epoch = 0; epoch < 6; epoch++) {
                p.construct(20_000);
                p.collect(0.6);
            }
            sumError += tally.estimate().active() - p.live;
            sumTruth += p.live;
        }
        // Mean relative bias within 0.5% (the standard error of the mean is about 0.15% here).
        assertTrue(Math.abs(sumError / sumTruth) < 0.005, "relative bias " + sumError / sumTruth);
    }

    /** Fraction of trials whose interval held the truth; weight -1 cycles 10, 100, 1000. */
    private static double coverage(int epochs, int perEpoch, double death, int weight, int current, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int covered = 0;
        for (int t = 0; t < TRIALS; t++) {
            Tally tally = new Tally(null, "T", false);
            Population p = new Population(tally, random.split());
            for (int epoch = 0; epoch < epochs; epoch++) {
                tally.weight(weight > 0 ? weight : new int[] {10, 100, 1000}[epoch % 3]);
                p.construct(perEpoch);
                p.collect(death);
            }
            p.construct(current);
            Estimate e = tally.estimate();
            if (Math.abs(e.active() - p.live) <= e.error()) {
                covered++;
            }
        }
        double coverage = (double) covered / TRIALS;
        System.out.printf("coverage %.3f over %d trials: %d epochs of %d, death %.2f, weight %d, %d current%n",
                coverage, TRIALS, epochs, perEpoch, death, weight, current);
        return coverage;
    }

    /**
     * Objects of one class, their deaths decided by the test: the unwatched are counted only as a
     * number, the watched as records the tally is told about when the collector takes them.
     */
    private static final class Population {
        final Tally tally;
        final SplittableRandom random;
        final List<SlotRef> watched = new ArrayList<>();
        long unwatchedLive;
        long live;

        Population(Tally tally, SplittableRandom random) {
            this.tally = tally;
            this.random = random;
        }

        void construct(int n) {
            for (int i = 0; i < n; i++) {
                int w = tally.count();
                if (w == 0) {
                    unwatchedLive++;
                } else {
                    SlotRef ref = new SlotRef.Compact(null, 8, w, tally.epoch());
                    tally.watched(w, ref.epoch);
                    watched.add(ref);
                }
            }
            live += n;
        }

        /**
         * A collection: the tally hears of it, then each live object turns out dead with
         * probability {@code death} and the watched dead are freed, as the sweeps after a
         * collection do. The unwatched deaths are drawn as one binomial count.
         */
        void collect(double death) {
            tally.collectionEnded();
            unwatchedLive -= binomial(unwatchedLive, death);
            List<SlotRef> alive = new ArrayList<>();
            for (SlotRef ref : watched) {
                if (random.nextDouble() < death) {
                    tally.freed(ref);
                } else {
                    alive.add(ref);
                }
            }
            watched.clear();
            watched.addAll(alive);
            live = unwatchedLive + watched.size();
        }

        private long binomial(long n, double p) {
            if (n < 1000) {
                long k = 0;
                for (long i = 0; i < n; i++) {
                    k += random.nextDouble() < p ? 1 : 0;
                }
                return k;
            }
            double k = n * p + Math.sqrt(n * p * (1 - p)) * random.nextGaussian();
            return Math.max(0, Math.min(n, Math.round(k)));
        }
    }
}
