package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An append-only array of slot records with one writer at a time.
 *
 * <pre>
 *   refs:  [ r0 | r1 | r2 | ... | r(count-1) | null ... null ]
 *            written once, then         ^ count, published with a release store
 *            only ever set to null
 * </pre>
 *
 * <p>The writer (the owning thread, or a thread holding a shared buffer's lock) stores
 * {@code refs[count]} with a plain write, then {@code count + 1} with a release store. A reader
 * (the reclaimer) loads {@code count} with acquire and then sees every record below it. A record
 * is written once; afterwards the writer and the reclaimer may only overwrite it with
 * {@code null} (a record freed), a benign race since both write the same value and who frees
 * the slot is decided by {@link SlotRef#free}.
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
     * Finds the record of {@code object}, searching back from the newest, and clears its entry.
     * The newest is the likely one: the object was constructed moments ago on this thread.
     */
    SlotRef remove(Object object) {
        for (int i = count() - 1; i >= 0; i--) {
            SlotRef ref = refs[i];
            if (ref != null && ref.refersTo(object)) {
                refs[i] = null;
                return ref;
            }
        }
        return null;
    }
}
