package io.jslab.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares one budget of watched objects a second among the tracked classes (SPEC 2a), as water
 * filling: classes forced exact are watched entirely and their rate comes off the budget first;
 * then, from the slowest class up, each class whose rate fits an equal share of what is left is
 * watched entirely and leaves the rest of its share to the others; every class above the share
 * gets {@code weight = ceil(rate / share)}, so each watches about {@code share} objects a second.
 *
 * <p>Runs on the controller's thread about once a second. A weight change applies to later
 * constructions only: each watched object keeps the weight it was drawn with, so the estimate
 * stays unbiased while {@code p} moves.
 */
final class WatchBudget {

    private final long perSecond;

    WatchBudget(long perSecond) {
        this.perSecond = perSecond;
    }

    long perSecond() {
        return perSecond;
    }

    /**
     * The most one class may watch between two runs of the controller before its weight doubles:
     * a second of the whole budget, so that a burst (a test, a batch) stays exact up to that
     * many objects and a class that leaps to millions a second is sampled within milliseconds.
     */
    long windowLimit() {
        return perSecond;
    }

    /** Sets each tally's weight from its construction rate (constructions a second). */
    void rebalance(List<Tally> tallies, long nowNanos) {
        double left = perSecond;
        List<Tally> shared = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (Tally t : tallies) {
            double rate = t.sampleRate(nowNanos);
            if (t.forcedExact()) {
                t.weight(1);
                left -= rate;
            } else {
                shared.add(t);
                rates.add(rate);
            }
        }
        Integer[] order = new Integer[shared.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(rates::get));
        left = Math.max(left, 0);
        for (int k = 0; k < order.length; k++) {
            Tally t = shared.get(order[k]);
            double rate = rates.get(order[k]);
            double share = left / (order.length - k);
            if (rate <= share) {
                t.weight(1);
                left -= rate;
            } else {
                t.weight(share < 1 ? Tally.MAX_WEIGHT : (int) Math.min(Tally.MAX_WEIGHT, Math.ceil(rate / share)));
                left -= share;
            }
        }
    }
}
