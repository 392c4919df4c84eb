package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An array of slot records with one writer at a time.
 *
 * <pre>
 *   refs:  [ r0 | r1 | r2 | ... | r(count-1) | null ... null ]
 *                                            ^ count, published with a release store
 * </pre>
 *
 * <p>While a segment is its thread's current one, only that thread writes it: it stores
 * {@code refs[count]} with a plain write, then {@code count + 1} with a release store; a reader
 * that loads {@code count} with acquire sees every record below it. Once full, the segment is
 * written only by whoever holds its buffer's lock (or, handed off, by the reclaimer), which
 * compacts it in place. A reader that still scans it without the lock may then see records
 * moved or repeated; that is harmless because readers never write a segment they do not own
 * and who frees a slot is decided by {@link SlotRef#take}.
 */
final class Segment {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Segment.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SlotRef[] refs;
    @SuppressWarnings("unused") // accessed through COUNT
    private int count;
    /** Sweeps survived; written by the segment's writer only. */
    int age;

    Segment(int capacity) {
        refs = new SlotRef[capacity];
    }

    /** Appends unless full; writer only. Returns false when full. */
    boolean add(SlotRef ref) {
        int n = (int) COUNT.get(this);
        if (n == refs.length) {
            return false;
        }
        refs[n] = ref;
        COUNT.setRelease(this, n + 1);
        return true;
    }

    /** Records published so far; any thread. */
    int count() {
        return (int) COUNT.getAcquire(this);
    }

    int capacity() {
        return refs.length;
    }

    /**
     * Settles every record ({@link SlotRecords#settle}: frees the slots of dead objects, drops
     * records already freed) and moves the kept ones to the front; writer only. Returns the slots
     * it freed.
     */
    int compact(SlotRecords records) {
        int count = (int) COUNT.get(this);
        int n = 0;
        int freed = 0;
        for (int i = 0; i < count; i++) {
            SlotRef ref = refs[i];
            int settled = records.settle(ref);
            if (settled == SlotRecords.KEEP) {
                refs[n++] = ref;
            } else if (settled == SlotRecords.FREED) {
                freed++;
            }
        }
        for (int i = n; i < count; i++) {
            refs[i] = null;
        }
        COUNT.setRelease(this, n);
        age++;
        return freed;
    }

    /** The record of {@code object}, searching back from the newest, or null; any thread. */
    SlotRef find(Object object) {
        for (int i = count() - 1; i >= 0; i--) {
            SlotRef ref = refs[i];
            if (ref != null && ref.refersTo(object)) {
                return ref;
            }
        }
        return null;
    }
}
