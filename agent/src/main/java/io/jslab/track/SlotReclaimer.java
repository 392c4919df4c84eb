package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that frees what the constructing threads do not free themselves: the records of
 * idle threads, of threads that ended, and old records (those that survived two sweeps in their
 * thread's buffer), kept as a list of segments ({@link OldRecords}).
 *
 * <pre>
 *   thread buffers --segment aged 2--> promoted queue --walk--> old: [seg] [seg] ... (compacted)
 *   thread ended   --take-over------------------------------->  old
 * </pre>
 *
 * <p>Steps of a walk: 1. take over the buffers of ended threads; 2. drain the promoted queue into
 * {@code old}; 3. sweep the buffers no thread swept since the last collection ({@code tryLock}:
 * a busy owner sweeps its own); 4. on the once-a-second walk, also every buffer; 5. on that walk
 * and after a collection of the old generation, every old record; 6. take back the objects
 * {@code failedSink} could not find near the end of their thread's buffer. A walk runs shortly
 * after each collection (the GC listener unparks the thread; the pause gives busy threads the
 * time to sweep their own) and at least once a second. Old records are swept after young
 * collections only once a second, since a young collection cannot clear them, so a slot is
 * freed shortly after the collection that reclaimed its object, or within a second of it.
 *
 * <p>The collector only clears the records' references; a walk finds the cleared ones and frees
 * their slots ({@link SlotRecords#settle}), exactly as the owners' own sweeps do.
 *
 * <p>Nothing escapes the thread: every failure goes to the {@link ErrorSink}.
 */
final class SlotReclaimer implements Runnable {

    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long after a collection the reclaimer leaves the sweeping to busy owners. */
    static final long OWNER_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int UNTRACK_ATTEMPTS = 3;

    private static final VarHandle RECLAIMED;
    private static final VarHandle WALKS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RECLAIMED = lookup.findVarHandle(SlotReclaimer.class, "reclaimed", long.class);
            WALKS = lookup.findVarHandle(SlotReclaimer.class, "walks", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SlotBuffers buffers;
    private final SweepContext context;
    private final Runnable maintenance;
    private final Runnable afterWalk;
    private final AtomicLong untracked;
    private final ConcurrentLinkedQueue<Segment> promoted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PendingUntrack> pendingUntrack = new ConcurrentLinkedQueue<>();

    private final OldRecords old;   // reclaimer thread only

    private volatile boolean collectionEnded;
    private volatile boolean oldGenerationCollected;
    private volatile boolean running = true;
    private volatile Thread thread;
    // Single writer (this thread), read by any thread.
    @SuppressWarnings("unused")
    private long reclaimed;
    @SuppressWarnings("unused")
    private long walks;

    SlotReclaimer(SlotBuffers buffers, SweepContext context, Runnable maintenance, Runnable afterWalk,
                  AtomicLong untracked) {
        this.buffers = buffers;
        this.context = context;
        this.maintenance = maintenance;
        this.afterWalk = afterWalk;
        this.untracked = untracked;
        this.old = new OldRecords(context.records);
    }

    void start(Thread thread) {
        this.thread = thread;
        thread.start();
    }

    /** Stops the thread and waits for it. */
    void stop() throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** A segment that survived its sweeps in a thread's buffer; any thread. */
    void promote(Segment segment) {
        promoted.add(segment);
    }

    /**
     * A collection ended, of the old generation too if {@code major}: walk soon. Called from the
     * GC notification thread, so it only signals.
     */
    void collectionEnded(boolean major) {
        if (major) {
            oldGenerationCollected = true;
        }
        collectionEnded = true;
        LockSupport.unpark(thread);
    }

    /** Takes back {@code object}'s record at the next walk (its thread did not find it). */
    void untrackLater(Object object) {
        pendingUntrack.add(new PendingUntrack(object));
    }

    long reclaimed() {
        return (long) RECLAIMED.getOpaque(this);
    }

    long walks() {
        return (long) WALKS.getAcquire(this);
    }

    @Override
    public void run() {
        long next = System.nanoTime() + PERIOD_NANOS;
        while (running) {
            try {
                long wait = next - System.nanoTime();
                if (!collectionEnded && wait > 0) {
                    // Until the period ends, a collection ends (unpark) or stop() interrupts.
                    LockSupport.parkNanos(this, wait);
                }
                boolean due = System.nanoTime() - next >= 0;
                if (collectionEnded && !due) {
                    collectionEnded = false;
                    LockSupport.parkNanos(this, OWNER_GRACE_NANOS);
                    boolean major = oldGenerationCollected;
                    oldGenerationCollected = false;
                    walk(false, major);
                }
                if (due) {
                    collectionEnded = false;
                    oldGenerationCollected = false;
                    next = System.nanoTime() + PERIOD_NANOS;
                    walk(true, true);
                    maintenance.run();
                }
            } catch (Throwable t) {
                context.errors.error("slot reclaimer", t);
            }
        }
    }

    /**
     * One walk, steps 1 to 6 of the class comment: {@code everyBuffer} for the once-a-second
     * walk, {@code oldRecords} for that one and after a collection of the old generation.
     */
    void walk(boolean everyBuffer, boolean oldRecords) {
        long epoch = context.epoch();
        for (SlotBuffer ended : buffers.takeEnded()) {
            for (Segment segment : ended.takeOver()) {
                adopt(segment);
            }
        }
        for (Segment segment; (segment = promoted.poll()) != null; ) {
            adopt(segment);
        }
        for (SlotBuffer buffer : buffers.live()) {
            count(buffer.sweepIdle(epoch, everyBuffer));
        }
        if (oldRecords) {
            sweepOld();
        }
        untrackPending();
        afterWalk.run();
        WALKS.setRelease(this, (long) WALKS.get(this) + 1);
    }

    private void sweepOld() {
        count(old.sweep());
    }

    private void adopt(Segment segment) {
        count(old.adopt(segment));
    }

    private void count(long freed) {
        if (freed != 0) {
            RECLAIMED.setOpaque(this, (long) RECLAIMED.get(this) + freed);
        }
    }

    private void untrackPending() {
        for (int i = pendingUntrack.size(); i > 0; i--) {
            PendingUntrack pending = pendingUntrack.poll();
            if (pending == null) {
                return;
            }
            SlotRef ref = old.find(pending.object);
            for (SlotBuffer buffer : buffers.live()) {
                if (ref == null) {
                    ref = buffer.findAnywhere(pending.object);
                }
            }
            if (ref != null) {
                ObjectTracker.untrack(ref, untracked, context.records);
            } else if (++pending.attempts < UNTRACK_ATTEMPTS) {
                // Its segment may have been moving during this walk: look again next time.
                pendingUntrack.add(pending);
            }
        }
    }

    /** An object whose record its thread could not find; held strongly only until the next walks. */
    private static final class PendingUntrack {
        final Object object;
        int attempts;

        PendingUntrack(Object object) {
            this.object = object;
        }
    }
}
