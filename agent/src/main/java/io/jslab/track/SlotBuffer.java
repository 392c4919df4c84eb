package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Where constructing threads register slot records: a current {@link Segment}, handed to the
 * reclaimer whole when full, and replaced by a fresh one.
 *
 * <p>Two kinds. An <em>owned</em> buffer belongs to one platform thread, which appends with no
 * lock at all; when that thread has ended, the reclaimer takes the buffer over ({@link
 * Thread#isAlive()} returning false gives it every write the thread made). A <em>shared</em>
 * buffer is one of a few stripes that virtual threads append to under a lock: a buffer per
 * virtual thread would cost a segment per short-lived task and a registry that grows with the
 * number of tasks. The lock is a {@link ReentrantLock}, not {@code synchronized}, so a virtual
 * thread holding it does not pin its carrier on JDK 21 to 23.
 *
 * <p>Segments start small (a thread that tracks three objects keeps a 32-entry array) and double
 * up to {@link #MAX_SEGMENT}.
 */
final class SlotBuffer {

    static final int FIRST_SEGMENT = 32;
    static final int MAX_SEGMENT = 1024;

    private static final VarHandle TRACKED;

    static {
        try {
            TRACKED = MethodHandles.lookup().findVarHandle(SlotBuffer.class, "tracked", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread owner;          // null for a shared stripe
    private final ReentrantLock lock;    // null for an owned buffer
    private final Consumer<Segment> handOff;

    // Written by the writer with a volatile store, read by the reclaimer: together with the
    // segment's own release/acquire count it gives the reclaimer a consistent (segment, count).
    private volatile Segment current = new Segment(FIRST_SEGMENT);
    // The segment handed off last, kept for failedSink's search; writer only.
    private Segment previous;
    // Records appended; written by the writer only, read by any thread. Opaque access: a
    // statistic needs no ordering, and a volatile store would cost a fence per object.
    @SuppressWarnings("unused") // accessed through TRACKED
    private long tracked;

    private SlotBuffer(Thread owner, ReentrantLock lock, Consumer<Segment> handOff) {
        this.owner = owner;
        this.lock = lock;
        this.handOff = handOff;
    }

    static SlotBuffer owned(Thread owner, Consumer<Segment> handOff) {
        return new SlotBuffer(owner, null, handOff);
    }

    static SlotBuffer shared(Consumer<Segment> handOff) {
        return new SlotBuffer(null, new ReentrantLock(), handOff);
    }

    void add(SlotRef ref) {
        if (lock == null) {
            append(ref);
        } else {
            lock.lock();
            try {
                append(ref);
            } finally {
                lock.unlock();
            }
        }
    }

    private void append(SlotRef ref) {
        Segment segment = current;
        if (!segment.add(ref)) {
            // Whatever may throw (allocation, the hand-off) comes before any change, so a failed
            // append leaves the record out and the buffer as it was.
            Segment next = new Segment(Math.min(segment.capacity() * 2, MAX_SEGMENT));
            handOff.accept(segment);
            next.add(ref);
            previous = segment;
            current = next;
        }
        TRACKED.setOpaque(this, (long) TRACKED.get(this) + 1); // single writer: nothing lost
    }

    /** Takes back the record of {@code object} from the two newest segments, or returns null. */
    SlotRef remove(Object object) {
        if (lock == null) {
            return search(object);
        }
        lock.lock();
        try {
            return search(object);
        } finally {
            lock.unlock();
        }
    }

    private SlotRef search(Object object) {
        SlotRef ref = current.remove(object);
        if (ref == null && previous != null) {
            ref = previous.remove(object);
        }
        return ref;
    }

    /** The segment being filled; the reclaimer scans it without taking it over. */
    Segment current() {
        return current;
    }

    /** Records appended so far. */
    long tracked() {
        return (long) TRACKED.getOpaque(this);
    }

    /** Whether the owning thread has ended; shared stripes never end. */
    boolean ownerEnded() {
        return owner != null && !owner.isAlive();
    }
}
