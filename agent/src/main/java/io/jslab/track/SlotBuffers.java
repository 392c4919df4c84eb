package io.jslab.track;

import io.jslab.slab.VirtualThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Every {@link SlotBuffer} of one tracker: an owned buffer per platform thread that tracks
 * objects, found through a {@link ThreadLocal}, and a few shared stripes for virtual threads.
 *
 * <p>Virtual threads (JDK 21 and later) are told apart at each lookup ({@link VirtualThreads}):
 * a virtual thread uses the stripes, found by its thread id without a thread-local entry, so a
 * million short tasks leave no buffer and no entry behind. It appends to the first stripe from
 * its own whose lock is free at once ({@link #add}): waiting for a lock would park it.
 *
 * <p>The registry of owned buffers changes once per thread (registration) and once per ended
 * thread (take-over), under this object's lock; the same lock makes the tracked total exact.
 */
final class SlotBuffers {

    private final SweepContext context;
    private final SlotBuffer[] stripes;
    private final List<SlotBuffer> owned = new ArrayList<>(); // guarded by this
    private long retiredTracked;                              // guarded by this
    private long retiredReclaimed;                            // guarded by this
    private final ThreadLocal<SlotBuffer> local = ThreadLocal.withInitial(this::create);

    SlotBuffers(SweepContext context) {
        this.context = context;
        int count = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;
        stripes = new SlotBuffer[count];
        Arrays.setAll(stripes, i -> SlotBuffer.shared(context));
    }

    /** Appends {@code ref} to the calling thread's buffer, or for a virtual thread to a stripe. */
    @SuppressWarnings("deprecation") // Thread.threadId() only from JDK 19
    void add(SlotRef ref) {
        Thread thread = Thread.currentThread();
        if (!VirtualThreads.isVirtual(thread)) {
            local.get().add(ref);
            return;
        }
        int home = (int) thread.getId();
        for (int i = 0; i < stripes.length; i++) {
            if (stripes[(home + i) & (stripes.length - 1)].tryAdd(ref)) {
                return;
            }
        }
        stripes[home & (stripes.length - 1)].add(ref);
    }

    /** The calling thread's buffer (a virtual thread's: the stripe of its thread id). */
    @SuppressWarnings("deprecation") // Thread.threadId() only from JDK 19
    SlotBuffer current() {
        Thread thread = Thread.currentThread();
        if (VirtualThreads.isVirtual(thread)) {
            return stripes[(int) (thread.getId() & (stripes.length - 1))];
        }
        return local.get();
    }

    private SlotBuffer create() {
        SlotBuffer buffer = SlotBuffer.owned(Thread.currentThread(), context);
        synchronized (this) {
            owned.add(buffer);
        }
        return buffer;
    }

    /** The buffers still in use: the stripes and the owned buffers of threads not yet taken over. */
    synchronized List<SlotBuffer> live() {
        List<SlotBuffer> all = new ArrayList<>(stripes.length + owned.size());
        all.addAll(Arrays.asList(stripes));
        all.addAll(owned);
        return all;
    }

    /**
     * Removes and returns the buffers whose threads have ended. {@link Thread#isAlive()}
     * returning false happens-after everything the thread did, so the caller may read the
     * buffer's segments with plain reads from then on.
     */
    synchronized List<SlotBuffer> takeEnded() {
        List<SlotBuffer> ended = new ArrayList<>();
        owned.removeIf(buffer -> {
            if (!buffer.ownerEnded()) {
                return false;
            }
            ended.add(buffer);
            retiredTracked += buffer.tracked();
            retiredReclaimed += buffer.reclaimed();
            return true;
        });
        return ended;
    }

    /** Records appended to every buffer since the tracker started. */
    synchronized long tracked() {
        return sum(retiredTracked, SlotBuffer::tracked);
    }

    /** Slots freed by the buffers' own sweeps (not those the reclaimer counts itself). */
    synchronized long reclaimed() {
        return sum(retiredReclaimed, SlotBuffer::reclaimed);
    }

    // Callers hold this object's lock, which guards owned.
    private long sum(long retired, ToLongFunction<SlotBuffer> count) {
        long sum = retired;
        for (SlotBuffer buffer : stripes) {
            sum += count.applyAsLong(buffer);
        }
        for (SlotBuffer buffer : owned) {
            sum += count.applyAsLong(buffer);
        }
        return sum;
    }

    /**
     * The tracker closed: every buffer lets go of its records and of the tracker. The buffers
     * stay in their threads' thread-local maps until each map drops its stale entries, which it
     * does lazily; emptied, each costs its thread a few dozen bytes meanwhile, not the closed
     * tracker's records, caches and allocator.
     */
    synchronized void close() {
        for (SlotBuffer buffer : stripes) {
            buffer.close();
        }
        for (SlotBuffer buffer : owned) {
            buffer.close();
        }
    }

    /** Owned buffers of threads not yet taken over. */
    synchronized int ownedBuffers() {
        return owned.size();
    }
}
