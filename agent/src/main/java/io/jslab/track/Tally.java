package io.jslab.track;

import io.jslab.slab.SlabCache;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tracked class's counts (SPEC 2a): every construction counted, a sample watched, the live
 * population estimated, and the cache's slots kept equal to the estimate.
 *
 * <p>Counting ({@link #count}) is the hot path: an increment of the constructing thread's own
 * cell (a stripe's, on a virtual thread) and, for a cache that is not watched entirely, a
 * decrement of its countdown to the next watched construction ({@link ThreadCounts}); nothing
 * shared is written and nothing is allocated. Each construction is watched with probability
 * {@code 1/weight}, independently, as the countdowns are geometric.
 *
 * <p>The estimator. Objects constructed since the last collection cannot have been collected,
 * so they count exactly: {@code N_cur}, the constructions since the epoch began. Older objects
 * are estimated by Horvitz-Thompson over the watched ones still uncollected, each standing for
 * its weight {@code w} (fixed when it was watched):
 *
 * <pre>
 *   estimate = N_cur + sum(w : watched, constructed before this epoch, not yet collected)
 *   variance = sum(w * (w - 1) : same objects)          (Bernoulli sampling, p = 1/w)
 *            + w_max * (w_max - 1)                       (one more, for few watched survivors)
 *   ActiveObjectsError = round(1.96 * sqrt(variance))   (95% half-width, normal approximation)
 * </pre>
 *
 * A cache watched entirely has {@code w = 1} for every object, so its variance is 0 and the
 * estimate is the exact count. Why not per-epoch ratio estimates (post-stratification): with
 * one {@code p} per cache they gain little over Horvitz-Thompson once the current epoch is exact,
 * and they need per-epoch state per cache. {@code TallyEstimateTest} checks the coverage; the
 * architecture page gives the figures.
 *
 * <p>Slots: watched objects hold one slot each (their records); the controller keeps a reserve
 * of further slots, mostly whole slabs, taken and given back in bulk, so that slots in use
 * equal the estimate
 * ({@link #settleReserve}). Reserve slots record no lifetimes: lifetimes come from the watched
 * objects, each counted {@code w} times ({@link SlotRecords#release}).
 */
final class Tally {

    /** The largest weight: one watched object in about a million. */
    static final int MAX_WEIGHT = 1 << 20;
    /** Most slabs taken or given back in one call, so the cache lock is never held long. */
    private static final int RESERVE_STEP = 256;

    final SlabCache cache;
    final String className;
    /** This class's cell in every thread's {@link ThreadCounts}. */
    final int id;
    private final ConstructionCounts counts;
    private final LongAdder watched = new LongAdder();
    // Watched objects still holding their slots: how many, their weights, sum of w(w-1).
    private final LongAdder liveRecords = new LongAdder();
    private final LongAdder liveWeight = new LongAdder();
    private final LongAdder liveVariance = new LongAdder();
    // The same, for the objects watched in the current epoch, indexed by epoch parity: the
    // other parity's cells belong to the epoch before and are reset when the next one begins.
    private final LongAdder[] epochWeight = {new LongAdder(), new LongAdder()};
    private final LongAdder[] epochVariance = {new LongAdder(), new LongAdder()};

    private volatile int weight = 1;
    // Watched since the controller last ran, against the most one cache may watch in a control
    // period: a class that bursts from nothing to millions a second doubles its weight at once
    // instead of being watched entirely until the next rebalance.
    private final AtomicLong windowWatched = new AtomicLong();
    private volatile long windowLimit;
    private volatile int maxWeight = 1;  // the largest weight ever set, for the interval
    private volatile int epoch;
    private volatile boolean forcedExact;

    private long epochStartCount;                    // guarded by this
    private long[] slabs = new long[0];              // controller thread only, as is what follows:
    private int reservedSlabs;                       // the reserve's whole slabs, by address,
    private long[] slots = new long[0];              // and its single slots, fewer than a slab's
    private int reserved;
    private int failedEpoch = -1;
    private long rateCount;
    private long rateFrees;
    private long rateNanos;
    private volatile double rate;
    private volatile double freeRate;

    /** A tally counted on its own; for tests. */
    Tally(SlabCache cache, String className, boolean forcedExact) {
        this(cache, className, forcedExact, Long.MAX_VALUE);
    }

    /** A tally counted on its own; for tests. */
    Tally(SlabCache cache, String className, boolean forcedExact, long windowLimit) {
        this(cache, className, forcedExact, windowLimit, new ConstructionCounts());
    }

    /**
     * @param windowLimit the most objects watched between two runs of the controller
     * @param counts where the tracker's threads count their constructions
     */
    Tally(SlabCache cache, String className, boolean forcedExact, long windowLimit, ConstructionCounts counts) {
        this.counts = counts;
        this.id = counts.newId();
        this.cache = cache;
        this.className = className;
        this.forcedExact = forcedExact;
        this.windowLimit = windowLimit;
    }

    /**
     * Counts one construction; returns the weight the object is watched with, or 0 when it is
     * not watched. Any thread; a platform thread never waits, a virtual thread only when every
     * stripe is busy ({@link ConstructionCounts}).
     */
    int count() {
        return counts.count(id, weight);
    }

    /** Takes back a construction whose constructor threw after it was counted. */
    void uncount() {
        counts.uncount(id);
    }

    /** The epoch a watched object is stamped with. */
    int epoch() {
        return epoch;
    }

    /** A watched object of weight {@code w}, stamped {@code stamp}, now holds a slot. */
    void watched(int w, int stamp) {
        long variance = (long) w * (w - 1);
        watched.increment();
        liveRecords.increment();
        liveWeight.add(w);
        epochWeight[stamp & 1].add(w);
        if (variance != 0) {
            liveVariance.add(variance);
            epochVariance[stamp & 1].add(variance);
        }
        if (windowWatched.incrementAndGet() > windowLimit && !forcedExact) {
            escalate();
        }
    }

    private synchronized void escalate() {
        if (windowWatched.get() > windowLimit) {
            windowWatched.set(0);
            weight(weight * 2);
        }
    }

    /** The controller ran: a new window of at most {@code limit} watched objects begins. */
    void newWindow(long limit) {
        windowLimit = Math.max(1, limit);
        windowWatched.set(0);
    }

    /** A watched object's slot was given back: it leaves the estimate. */
    void freed(SlotRef ref) {
        long variance = (long) ref.weight * (ref.weight - 1);
        liveRecords.decrement();
        liveWeight.add(-ref.weight);
        liveVariance.add(-variance);
        if (ref.epoch == epoch) { // untracked in the epoch it was made: not collected, taken back
            epochWeight[ref.epoch & 1].add(-ref.weight);
            epochVariance[ref.epoch & 1].add(-variance);
        }
    }

    /** A collection ended (the GC listener's thread): what was constructed before is now old. */
    synchronized void collectionEnded() {
        epochStartCount = counts.sum(id);
        int next = epoch + 1;
        epochWeight[next & 1].reset();
        epochVariance[next & 1].reset();
        epoch = next;
    }

    /** The estimate of the live population now. */
    synchronized Estimate estimate() {
        int parity = epoch & 1;
        long constructed = counts.sum(id);
        long current = Math.max(0, constructed - epochStartCount);
        long older = Math.max(0, liveWeight.sum() - epochWeight[parity].sum());
        long variance = Math.max(0, liveVariance.sum() - epochVariance[parity].sum());
        int w = weight;
        int heaviest = maxWeight;
        // One watched object more, of the largest weight drawn, in the variance: with few watched
        // survivors the sum alone understates the spread (and is 0 when none is left), the
        // interval then covering less than 95%; with many, the term is negligible.
        boolean exact = variance == 0 && w == 1;
        double spread = exact || epochStartCount == 0 ? variance : variance + (double) heaviest * (heaviest - 1);
        long halfWidth = Math.round(1.96 * Math.sqrt(spread));
        return new Estimate(current + older, halfWidth, exact,
                1.0 / w, constructed, watched.sum(), rate, freeRate);
    }

    /** Constructions counted since the tracker began. */
    long constructions() {
        return counts.sum(id);
    }

    /** Objects watched since the tracker began. */
    long watchedObjects() {
        return watched.sum();
    }

    int weight() {
        return weight;
    }

    synchronized void weight(int w) {
        int bounded = Math.max(1, Math.min(MAX_WEIGHT, w));
        if (bounded > maxWeight) {
            maxWeight = bounded;
        }
        weight = bounded;
    }

    boolean forcedExact() {
        return forcedExact;
    }

    void forcedExact(boolean exact) {
        forcedExact = exact;
        if (exact) {
            weight = 1;
        }
    }

    /**
     * Constructions a second since the last call (controller thread), smoothed; also updates the
     * rate at which objects leave the estimate. Calls less than 100 ms apart keep the last rate.
     */
    double sampleRate(long nowNanos) {
        if (rateNanos != 0 && nowNanos - rateNanos < 100_000_000L) {
            return rate;
        }
        Estimate e = estimate();
        long count = e.allocations();
        long frees = Math.max(0, count - e.active());
        if (rateNanos != 0) {
            double seconds = (nowNanos - rateNanos) / 1e9;
            rate = smooth(rate, (count - rateCount) / seconds);
            freeRate = smooth(freeRate, Math.max(0, frees - rateFrees) / seconds);
        }
        rateCount = count;
        rateFrees = frees;
        rateNanos = nowNanos;
        return rate;
    }

    private static double smooth(double old, double instant) {
        return old == 0 ? instant : 0.5 * old + 0.5 * instant;
    }

    /**
     * Takes or gives back reserve slots so that the cache's slots in use equal the estimate
     * (controller thread): whole slabs for all but the last slab's worth, taken and given back a
     * slab at a time ({@link SlabCache#allocateSlabs}), one address kept per slab; the rest as
     * single slots ({@link SlabCache#allocateBulk}), fewer than a slab holds. When the arena
     * cannot supply them the shortfall is counted once, as allocation failures, and not asked
     * for again before the next collection.
     */
    void settleReserve() {
        Estimate e = estimate();
        long target = e.exact() ? 0 : Math.max(0, e.active() - liveRecords.sum());
        int perSlab = cache.objectsPerSlab();
        long wantSlabs = target / perSlab;
        int wantSlots = (int) (target % perSlab);
        while (reservedSlabs > wantSlabs) {
            int n = (int) Math.min(RESERVE_STEP, reservedSlabs - wantSlabs);
            cache.freeSlabs(Arrays.copyOfRange(slabs, reservedSlabs - n, reservedSlabs), n);
            reservedSlabs -= n;
        }
        if (reserved > wantSlots) {
            int n = reserved - wantSlots;
            cache.freeBulk(Arrays.copyOfRange(slots, wantSlots, reserved), n, false);
            reserved = wantSlots;
        }
        if (failedEpoch == epoch) {
            return;
        }
        while (reservedSlabs < wantSlabs) {
            int n = (int) Math.min(RESERVE_STEP, wantSlabs - reservedSlabs);
            if (slabs.length < reservedSlabs + n) {
                slabs = Arrays.copyOf(slabs, Math.max(slabs.length * 2, reservedSlabs + n));
            }
            long[] got = new long[n];
            if (cache.allocateSlabs(got, n) != n) {
                failedEpoch = epoch;
                return;
            }
            System.arraycopy(got, 0, slabs, reservedSlabs, n);
            reservedSlabs += n;
        }
        if (reserved < wantSlots) {
            if (slots.length < perSlab) {
                slots = new long[perSlab];
            }
            int n = wantSlots - reserved;
            long[] got = new long[n];
            if (cache.allocateBulk(got, n) != n) {
                failedEpoch = epoch;
                return;
            }
            System.arraycopy(got, 0, slots, reserved, n);
            reserved = wantSlots;
        }
        if (slabs.length > 4 * RESERVE_STEP && reservedSlabs < slabs.length / 4) {
            slabs = Arrays.copyOf(slabs, Math.max(RESERVE_STEP, slabs.length / 2));
        }
    }

    /** Gives every reserve slot back (the tracker closes). */
    void releaseReserve() {
        if (reservedSlabs > 0) {
            cache.freeSlabs(slabs, reservedSlabs);
            reservedSlabs = 0;
        }
        if (reserved > 0) {
            cache.freeBulk(slots, reserved, false);
            reserved = 0;
        }
    }

    /** Reserve slots held, for tests. */
    long reserved() {
        return reservedSlabs * (long) cache.objectsPerSlab() + reserved;
    }

    /** Heap bytes the reserve's addresses take. */
    long reserveBytes() {
        return 8L * (slabs.length + slots.length);
    }
}
