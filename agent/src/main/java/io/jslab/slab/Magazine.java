package io.jslab.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's stock of free slots of one cache (Bonwick and Adams 2001, "magazines"), and that
 * thread's counters for the cache.
 *
 * <pre>
 *   slots: [ a0 | a1 | ... | a(count-1) | unused ... ]     capacity entries, a stack of addresses
 *                ^ oldest           newest ^ (next to go out, first to come back)
 * </pre>
 *
 * <p>Only the owner thread touches {@code slots} and {@code count}, and only the owner writes the
 * counters. The counters are written with release stores and read by other threads with acquire
 * loads: no lock and no fence on the owner's path (a release store is a plain store on x86), a
 * reader sees every count eventually and each one untorn, and a reader that sums the frees before
 * the allocations sees the allocation of every free it sees (the slot's hand-over from the
 * allocating thread to the freeing one orders the two). At quiescence (every owner stopped in a state that
 * happens-before the read, or simply idle for a moment on a coherent machine) the sums are exact.
 * A magazine whose owner has ended is drained by the cache under its lock once
 * {@code owner.isAlive()} is false, which orders all of the owner's writes before the drain.
 */
final class Magazine {

    private static final VarHandle ALLOCATIONS;
    private static final VarHandle FREES;
    private static final VarHandle HISTOGRAM;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ALLOCATIONS = lookup.findVarHandle(Magazine.class, "allocations", long.class);
            FREES = lookup.findVarHandle(Magazine.class, "frees", long.class);
            HISTOGRAM = lookup.findVarHandle(Magazine.class, "histogram", LifetimeHistogram.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread owner;
    // Not final: a closed cache shrinks its magazines to nothing (release), since a thread's
    // thread-local entry may hold its magazine long after the cache is gone.
    long[] slots;
    int capacity;
    int count;

    private long allocations;
    private long frees;
    /** Made on the first free, so threads that only allocate carry no histogram. */
    private LifetimeHistogram histogram;

    Magazine(Thread owner, int capacity) {
        this.owner = owner;
        this.capacity = capacity;
        this.slots = new long[Math.max(1, capacity)]; // without magazines: room for the one slot
    }

    /**
     * The cache closed: keeps no slot, room for one only (as without magazines), and no
     * lifetimes. Cache lock held.
     */
    void release() {
        count = 0;
        capacity = 0;
        slots = new long[1];
        HISTOGRAM.setRelease(this, null);
    }

    void countAllocation() {
        ALLOCATIONS.setRelease(this, allocations + 1);
    }

    /** The lifetime goes in first, so a reader that sees the free count sees the lifetime. */
    void countFree(long lifetimeMillis) {
        LifetimeHistogram h = histogram;
        if (h == null) {
            h = new LifetimeHistogram();
            HISTOGRAM.setRelease(this, h); // readers see the array's initial zeros before it
        }
        h.record(lifetimeMillis);
        FREES.setRelease(this, frees + 1);
    }

    long allocations() {
        return (long) ALLOCATIONS.getAcquire(this);
    }

    long frees() {
        return (long) FREES.getAcquire(this);
    }

    void addLifetimesTo(long[] sum) {
        LifetimeHistogram h = (LifetimeHistogram) HISTOGRAM.getAcquire(this);
        if (h != null) {
            h.addTo(sum);
        }
    }
}
