package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where constructing threads register slot records, and where most of them are freed again.
 *
 * <pre>
 *   current (lock-free appends)     full (under lock): young segments, swept after each GC
 *   [r r r r . . .]  --full-->      [seg age 0] [seg age 1] ... --age 2--> reclaimer (old records)
 * </pre>
 *
 * <p>Steps: 1. append to the current segment (no lock for an owned buffer); 2. when it is full,
 * take the buffer's lock, move it to {@code full}, and if a collection ended since the last sweep,
 * sweep {@code full}: each segment is compacted ({@link Segment#compact}: slots of dead objects
 * freed, from this thread, into its own slab magazine), empty segments dropped, segments that
 * survived {@link #PROMOTE_AGE} sweeps handed to the reclaimer; 3. start a new current segment.
 * So a busy thread frees its own garbage, paying for it as it goes, and slots recycle through its
 * magazine without touching a cache lock. The reclaimer sweeps the buffers of idle threads
 * ({@link #sweepIdle}) with {@code tryLock}, never waiting for a busy owner.
 *
 * <p>Two kinds. An <em>owned</em> buffer belongs to one platform thread, which appends without a
 * lock; when that thread has ended the reclaimer takes the buffer over ({@link Thread#isAlive()}
 * returning false gives it every write the thread made). A <em>shared</em> buffer is one of a few
 * stripes that virtual threads append to under the lock: a buffer per virtual thread would leave a
 * segment behind per short task. The lock is a {@link ReentrantLock}, not {@code synchronized}, so
 * a virtual thread holding it does not pin its carrier on JDK 21 to 23.
 */
final class SlotBuffer {

    static final int FIRST_SEGMENT = 32;
    static final int MAX_SEGMENT = 1024;
    /** Sweeps a segment survives in its thread's buffer before the reclaimer keeps it. */
    static final int PROMOTE_AGE = 2;
    /** Full segments {@link #find} searches, newest first, before giving up. */
    private static final int FIND_DEPTH = 2;

    private static final VarHandle TRACKED;
    private static final VarHandle RECLAIMED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TRACKED = lookup.findVarHandle(SlotBuffer.class, "tracked", long.class);
            RECLAIMED = lookup.findVarHandle(SlotBuffer.class, "reclaimed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread owner;          // null for a shared stripe
    // Null once the tracker has closed (close): the buffer then holds nothing.
    private volatile SweepContext context;
    private final ReentrantLock lock = new ReentrantLock();
    // Written by the appending thread, read by the reclaimer: volatile, so that together with
    // the segment's release/acquire count the reclaimer sees a consistent (segment, count).
    private volatile Segment current = new Segment(FIRST_SEGMENT);
    private final ArrayDeque<Segment> full = new ArrayDeque<>(); // guarded by lock
    private long sweptEpoch;                                     // guarded by lock
    private long scannedEpoch = -1;                              // reclaimer only
    // Statistics with one writer at a time (the appender; the lock holder), read by any thread:
    // opaque access, since a volatile store would cost a fence per object.
    @SuppressWarnings("unused")
    private long tracked;
    @SuppressWarnings("unused")
    private long reclaimed;

    private SlotBuffer(Thread owner, SweepContext context) {
        this.owner = owner;
        this.context = context;
    }

    static SlotBuffer owned(Thread owner, SweepContext context) {
        return new SlotBuffer(owner, context);
    }

    static SlotBuffer shared(SweepContext context) {
        return new SlotBuffer(null, context);
    }

    void add(SlotRef ref) {
        if (owner != null) {
            append(ref);
            return;
        }
        lock.lock();
        try {
            append(ref);
        } finally {
            lock.unlock();
        }
    }

    /** A shared stripe: appends {@code ref} if the lock is free at once; false if it is not. */
    boolean tryAdd(SlotRef ref) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            append(ref);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void append(SlotRef ref) {
        SweepContext context = this.context;
        if (context == null) {
            return; // the tracker closed after this object was counted: nothing is kept
        }
        Segment segment = current;
        if (!segment.add(ref)) {
            // Allocated before any change: a failure leaves the record out and the buffer as it was.
            Segment next = new Segment(Math.min(segment.capacity() * 2, MAX_SEGMENT));
            lock.lock();
            try {
                full.addLast(segment);
                long epoch = context.epoch();
                if (epoch != sweptEpoch) {
                    sweptEpoch = epoch;
                    sweepLocked(context);
                }
            } finally {
                lock.unlock();
            }
            next.add(ref);
            current = next;
        }
        TRACKED.setOpaque(this, (long) TRACKED.get(this) + 1);
    }

    private void sweepLocked(SweepContext context) {
        int freed = 0;
        for (Iterator<Segment> it = full.iterator(); it.hasNext(); ) {
            Segment segment = it.next();
            freed += segment.compact(context.records);
            if (segment.count() == 0) {
                it.remove();
            } else if (segment.age >= PROMOTE_AGE) {
                it.remove();
                context.promote.accept(segment);
            }
        }
        RECLAIMED.setOpaque(this, (long) RECLAIMED.get(this) + freed);
    }

    /**
     * Reclaimer: sweeps the full segments if no sweep ran since {@code epoch} began (or always,
     * when {@code force}) and the lock is free, and settles the current segment's records
     * without writing it. Returns the slots freed from the current segment; those of the full
     * segments count in this buffer.
     */
    long sweepIdle(long epoch, boolean force) {
        SweepContext context = this.context;
        if (context == null) {
            return 0;
        }
        if (lock.tryLock()) {
            try {
                if (force || sweptEpoch != epoch) {
                    sweptEpoch = epoch;
                    sweepLocked(context);
                }
            } finally {
                lock.unlock();
            }
        }
        if (!force && scannedEpoch == epoch) {
            return 0; // no collection since the last scan: nothing can have died
        }
        scannedEpoch = epoch;
        long freed = 0;
        Segment segment = current;
        SlotRef[] refs = segment.refs;
        for (int i = 0, count = segment.count(); i < count; i++) {
            SlotRef ref = refs[i];
            if (ref != null && context.records.settle(ref) == SlotRecords.FREED) {
                freed++;
            }
        }
        return freed;
    }

    /** The record of {@code object} in the newest segments, or null. The appending thread only. */
    SlotRef find(Object object) {
        lock.lock(); // uncontended unless the reclaimer is sweeping this buffer
        try {
            SlotRef ref = current.find(object);
            Iterator<Segment> newestFirst = full.descendingIterator();
            for (int depth = 0; ref == null && depth < FIND_DEPTH && newestFirst.hasNext(); depth++) {
                ref = newestFirst.next().find(object);
            }
            return ref;
        } finally {
            lock.unlock();
        }
    }

    /** Reclaimer: every segment of a buffer whose thread ended; the buffer is not used again. */
    List<Segment> takeOver() {
        lock.lock();
        try {
            List<Segment> all = new ArrayList<>(full);
            all.add(current);
            full.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The tracker closed: drops every record and the tracker's context, so that what a thread's
     * stale thread-local entry still holds is this empty buffer alone. Any thread.
     */
    void close() {
        lock.lock();
        try {
            context = null;
            full.clear();
            current = new Segment(FIRST_SEGMENT);
        } finally {
            lock.unlock();
        }
    }

    /** Reclaimer or failedSink search: the full segments, under the lock, then the current one. */
    SlotRef findAnywhere(Object object) {
        lock.lock();
        try {
            for (Segment segment : full) {
                SlotRef ref = segment.find(object);
                if (ref != null) {
                    return ref;
                }
            }
            return current.find(object);
        } finally {
            lock.unlock();
        }
    }

    long tracked() {
        return (long) TRACKED.getOpaque(this);
    }

    long reclaimed() {
        return (long) RECLAIMED.getOpaque(this);
    }

    /** Whether the owning thread has ended; shared stripes never end. */
    boolean ownerEnded() {
        return owner != null && !owner.isAlive();
    }
}
