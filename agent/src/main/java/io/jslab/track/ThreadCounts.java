package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One platform thread's construction counts and sampling countdowns, one cell per tracked class
 * (by {@link Tally#id}), or one stripe of them shared by virtual threads (SPEC 2a: such state is
 * kept per platform thread or per stripe, never per virtual thread).
 *
 * <p>An owned instance has one writer, its thread, so counting is a plain increment published
 * with an opaque store: no lock, no atomic instruction, no fence, and nothing shared is written
 * (a {@code LongAdder} starts with a compare-and-swap on one shared word, which in a loop that
 * allocates costs more than the allocation). Readers ({@link ConstructionCounts#sum}) read the
 * cells opaquely and see each count as it was a moment ago; an ended thread's cells are read
 * after {@link Thread#isAlive()} returned false, so exactly. A stripe's writer holds its lock
 * ({@link ConstructionCounts} takes it).
 *
 * <p>Sampling: each cell keeps a countdown to its next watched construction, drawn from the
 * geometric distribution of mean {@code w} (the weight), as the JVM's heap sampler and JFR's
 * throttler do. The countdown is memoryless, so it is the same as watching each construction
 * independently with probability {@code 1/w}; when the weight changes the countdown is drawn
 * again for the new one, so every watched object's weight is the one it was drawn with.
 */
final class ThreadCounts {

    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int FIRST_CELLS = 8;

    /** The writer replaces the array when a class with a larger id arrives; readers read any version. */
    private volatile long[] counts = new long[FIRST_CELLS];
    private int[] countdowns = new int[FIRST_CELLS];   // the writer's alone, as drawnFor
    private int[] drawnFor = new int[FIRST_CELLS];     // the weight each countdown was drawn for
    final ReentrantLock lock;                          // stripes only: shared by virtual threads

    private ThreadCounts(ReentrantLock lock) {
        this.lock = lock;
    }

    static ThreadCounts owned() {
        return new ThreadCounts(null);
    }

    /** A stripe: its writers take a {@link ReentrantLock}, so a virtual thread does not pin its carrier. */
    static ThreadCounts stripe() {
        return new ThreadCounts(new ReentrantLock());
    }

    /**
     * Counts one construction of class {@code id}, sampled with weight {@code w}; returns
     * {@code w} if this object is to be watched, 0 if not. The owning thread, or a stripe's
     * lock holder.
     */
    int count(int id, int w) {
        add(id, 1);
        if (w == 1) {
            return 1;
        }
        int[] down = countdowns;
        if (drawnFor[id] != w) {
            drawnFor[id] = w;
            down[id] = geometric(w);
        }
        if (--down[id] > 0) {
            return 0;
        }
        down[id] = geometric(w);
        return w;
    }

    /** Takes back one construction of class {@code id}; as {@link #count(int, int)}. */
    void uncount(int id) {
        add(id, -1);
    }

    /** Constructions of class {@code id} counted here; any thread. */
    long count(int id) {
        long[] c = counts;
        return id < c.length ? (long) CELL.getOpaque(c, id) : 0;
    }

    private void add(int id, long n) {
        long[] c = counts;
        if (id >= c.length) {
            c = grow(id);
        }
        CELL.setOpaque(c, id, (long) CELL.getOpaque(c, id) + n);
    }

    private long[] grow(int id) {
        int length = Math.max(id + 1, counts.length * 2);
        countdowns = Arrays.copyOf(countdowns, length);
        drawnFor = Arrays.copyOf(drawnFor, length);
        long[] c = Arrays.copyOf(counts, length); // the writer's own values: plain reads suffice
        counts = c;
        return c;
    }

    /**
     * Constructions up to and including the next watched one: geometric on 1, 2, ... with
     * success probability {@code 1/w}, by inversion of a uniform draw.
     */
    static int geometric(int w) {
        double u = 1.0 - ThreadLocalRandom.current().nextDouble(); // (0, 1]
        double k = Math.floor(Math.log(u) / Math.log1p(-1.0 / w));
        return k >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE : 1 + (int) k;
    }
}
