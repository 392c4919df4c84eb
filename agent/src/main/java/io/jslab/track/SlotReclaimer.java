package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The single thread that gives back the slots of reclaimed objects.
 *
 * <p>It owns the records of every segment handed off by a constructing thread and of every
 * thread that has ended, kept in one array that each walk compacts:
 *
 * <pre>
 *   constructing threads            reclaimer
 *   [seg: r r r r] --full--> handedOff queue --walk--> kept: [r r r r r ... r]  (compacted)
 *   [seg: r r . ]  &lt;--scanned in place, entries of dead objects set to null
 *   thread ended   --take-over----------------------&gt; kept
 * </pre>
 *
 * <p>Steps of a walk, run after each collection (the GC listener unparks the thread) and at
 * least once a second: 1. take over the buffers of ended threads; 2. drain the hand-off queue
 * into {@code kept}; 3. settle every kept record (the strategy frees the slot of a dead object,
 * or drops a record already freed), compacting; 4. settle the records of the segments still
 * being filled, in place; 5. take back the objects of {@code failedSink} that their thread
 * could not find. Every second it also runs the allocator's maintenance.
 *
 * <p>Nothing escapes the thread: every failure goes to the {@link ErrorSink}, and a slot the
 * slab layer refuses to free is reported and skipped.
 */
final class SlotReclaimer implements Runnable {

    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
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
    private final ReclaimStrategy strategy;
    private final Runnable maintenance;
    private final AtomicLong untracked;
    private final ErrorSink errors;
    private final ConcurrentLinkedQueue<Segment> handedOff = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PendingUntrack> pendingUntrack = new ConcurrentLinkedQueue<>();

    // Reclaimer thread only.
    private SlotRef[] kept = new SlotRef[SlotBuffer.MAX_SEGMENT];
    private int keptCount;

    private volatile boolean collectionEnded;
    private volatile boolean running = true;
    private volatile Thread thread;
    // Single writer (this thread), read by any thread: opaque and release are enough.
    @SuppressWarnings("unused")
    private long reclaimed;
    @SuppressWarnings("unused")
    private long walks;

    SlotReclaimer(SlotBuffers buffers, ReclaimStrategy strategy, Runnable maintenance,
                  AtomicLong untracked, ErrorSink errors) {
        this.buffers = buffers;
        this.strategy = strategy;
        this.maintenance = maintenance;
        this.untracked = untracked;
        this.errors = errors;
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

    /** A full segment from a constructing thread; any thread. */
    void handOff(Segment segment) {
        handedOff.add(segment);
    }

    /** A collection ended: walk soon. Called from the GC notification thread, so it only signals. */
    void collectionEnded() {
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
                    strategy.await(wait, this);
                }
                boolean due = System.nanoTime() - next >= 0;
                if (collectionEnded || due) {
                    collectionEnded = false;
                    walk();
                }
                if (due) {
                    next = System.nanoTime() + PERIOD_NANOS;
                    maintenance.run();
                }
            } catch (InterruptedException e) {
                // stop() interrupts; otherwise nobody else knows this thread: keep going.
            } catch (Throwable t) {
                errors.error("slot reclaimer: " + t, t);
            }
        }
    }

    /** Frees {@code ref}'s slot unless somebody did already; a refusal is reported, not thrown. */
    void release(SlotRef ref) {
        try {
            if (ref.free()) {
                RECLAIMED.setOpaque(this, (long) RECLAIMED.get(this) + 1);
            }
        } catch (RuntimeException e) {
            errors.error("cannot free a slot of cache " + ref.cache().name() + ": " + e, e);
        }
    }

    /** One walk, steps 1 to 5 of the class comment. Reclaimer thread only (tests call it when stopped). */
    void walk() {
        for (SlotBuffer ended : buffers.takeEnded()) {
            adopt(ended.current());
        }
        for (Segment segment; (segment = handedOff.poll()) != null; ) {
            adopt(segment);
        }
        int n = 0;
        for (int i = 0; i < keptCount; i++) {
            SlotRef ref = kept[i];
            if (!strategy.settle(ref, this)) {
                kept[n++] = ref;
            }
        }
        Arrays.fill(kept, n, keptCount, null);
        keptCount = n;
        if (kept.length > SlotBuffer.MAX_SEGMENT && n < kept.length / 4) {
            kept = Arrays.copyOf(kept, Math.max(SlotBuffer.MAX_SEGMENT, n * 2));
        }
        for (SlotBuffer buffer : buffers.live()) {
            Segment segment = buffer.current();
            SlotRef[] refs = segment.refs;
            for (int i = 0, count = segment.count(); i < count; i++) {
                SlotRef ref = refs[i];
                if (ref != null && strategy.settle(ref, this)) {
                    refs[i] = null; // benign race: see Segment
                }
            }
        }
        untrackPending();
        WALKS.setRelease(this, (long) WALKS.get(this) + 1);
    }

    private void adopt(Segment segment) {
        SlotRef[] refs = segment.refs;
        for (int i = 0, count = segment.count(); i < count; i++) {
            SlotRef ref = refs[i];
            if (ref != null && !strategy.settle(ref, this)) {
                if (keptCount == kept.length) {
                    kept = Arrays.copyOf(kept, kept.length * 2);
                }
                kept[keptCount++] = ref;
            }
        }
    }

    private void untrackPending() {
        int waiting = pendingUntrack.size();
        for (int i = 0; i < waiting; i++) {
            PendingUntrack pending = pendingUntrack.poll();
            if (pending == null) {
                return;
            }
            SlotRef ref = removeKept(pending.object);
            if (ref == null) {
                for (SlotBuffer buffer : buffers.live()) {
                    if ((ref = buffer.current().remove(pending.object)) != null) {
                        break;
                    }
                }
            }
            if (ref != null) {
                ObjectTracker.untrack(ref, untracked, errors);
            } else if (++pending.attempts < UNTRACK_ATTEMPTS) {
                // Its segment may have been handed off during this walk: look again next time.
                pendingUntrack.add(pending);
            }
        }
    }

    private SlotRef removeKept(Object object) {
        for (int i = keptCount - 1; i >= 0; i--) {
            if (kept[i].refersTo(object)) {
                SlotRef ref = kept[i];
                kept[i] = kept[--keptCount];
                kept[keptCount] = null;
                return ref;
            }
        }
        return null;
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
