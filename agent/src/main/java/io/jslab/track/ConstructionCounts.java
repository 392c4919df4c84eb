package io.jslab.track;

import io.jslab.slab.VirtualThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every {@link ThreadCounts} of one tracker, and their sums: where each tracked class's
 * constructions are counted (SPEC 2a), one cell per platform thread, found through a
 * {@link ThreadLocal}, and a few stripes for virtual threads, found by thread id without one (a
 * thread-local entry per virtual thread would be state per task). A virtual thread takes the
 * first stripe from its own whose lock is free ({@code tryLock}), and waits for its own only
 * when every stripe is busy: a virtual thread that waits for a lock parks, which costs
 * microseconds, while any stripe counts as well as another.
 *
 * <p>The registry changes once per platform thread that constructs a tracked object and once
 * per ended thread, whose counts move into {@code retired} ({@link #retireEnded}); reading a sum
 * takes this object's lock, so a count is never missed or counted twice while it moves.
 */
final class ConstructionCounts {

    private final ThreadCounts[] stripes;
    private final List<ThreadCounts> owned = new ArrayList<>();  // guarded by this
    private final List<Thread> owners = new ArrayList<>();       // the same order; guarded by this
    private long[] retired = new long[0];                        // guarded by this
    private int ids;                                             // guarded by this
    private final ThreadLocal<ThreadCounts> local = ThreadLocal.withInitial(this::register);

    ConstructionCounts() {
        int count = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;
        stripes = new ThreadCounts[count];
        Arrays.setAll(stripes, i -> ThreadCounts.stripe());
    }

    /**
     * Counts one construction of class {@code id}, sampled with weight {@code w}, in the calling
     * thread's cells; returns {@code w} if the object is to be watched, 0 if not.
     */
    int count(int id, int w) {
        Thread thread = Thread.currentThread();
        if (!VirtualThreads.isVirtual(thread)) {
            return local.get().count(id, w);
        }
        ThreadCounts stripe = lockStripe(thread);
        try {
            return stripe.count(id, w);
        } finally {
            stripe.lock.unlock();
        }
    }

    /** Takes back one construction of class {@code id} (its constructor threw after it counted). */
    void uncount(int id) {
        Thread thread = Thread.currentThread();
        if (!VirtualThreads.isVirtual(thread)) {
            local.get().uncount(id);
            return;
        }
        ThreadCounts stripe = lockStripe(thread);
        try {
            stripe.uncount(id);
        } finally {
            stripe.lock.unlock();
        }
    }

    @SuppressWarnings("deprecation") // Thread.threadId() only from JDK 19
    private ThreadCounts lockStripe(Thread thread) {
        int home = (int) thread.getId();
        for (int i = 0; i < stripes.length; i++) {
            ThreadCounts stripe = stripes[(home + i) & (stripes.length - 1)];
            if (stripe.lock.tryLock()) {
                return stripe;
            }
        }
        ThreadCounts stripe = stripes[home & (stripes.length - 1)];
        stripe.lock.lock();
        return stripe;
    }

    /** A new class's cell index. */
    synchronized int newId() {
        return ids++;
    }

    /** Constructions of class {@code id} counted so far, in every thread. */
    synchronized long sum(int id) {
        long sum = id < retired.length ? retired[id] : 0;
        for (ThreadCounts stripe : stripes) {
            sum += stripe.count(id);
        }
        for (ThreadCounts cells : owned) {
            sum += cells.count(id);
        }
        return sum;
    }

    /**
     * Moves the counts of threads that ended into the retired totals (the reclaimer, once a
     * second). {@link Thread#isAlive()} returning false happens-after the thread's last count.
     */
    synchronized void retireEnded() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            if (!owners.get(i).isAlive()) {
                ThreadCounts ended = owned.remove(i);
                owners.remove(i);
                if (retired.length < ids) {
                    retired = Arrays.copyOf(retired, ids);
                }
                for (int id = 0; id < ids; id++) {
                    retired[id] += ended.count(id);
                }
            }
        }
    }

    /** Platform threads whose cells are registered; for tests. */
    synchronized int threads() {
        return owned.size();
    }

    private ThreadCounts register() {
        ThreadCounts cells = ThreadCounts.owned();
        synchronized (this) {
            owned.add(cells);
            owners.add(Thread.currentThread());
        }
        return cells;
    }
}
