package io.jslab.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;

/**
 * The least that any tracker written in Java must do, with none of jslab: one reference per
 * object, kept reachable in an array until a sweep after a collection finds it cleared. No slot,
 * no statistics, no lock, no other thread: what the benchmarks' {@code mode=floor} measures is
 * the collector's side of exact tracking alone. {@code floor} uses a {@link PhantomReference}
 * (exact, as the tracker); {@code floor-weak} a {@link WeakReference}, the other kind a tracker
 * could use (cleared before finalization, so not exact for classes with finalizers), to show
 * whether the kind of reference changes the cost.
 *
 * <p>The reference must stay reachable until the collection that finds its object dead, because
 * a collector only discovers (and clears) references it reaches; so every record is live at that
 * collection and is copied by it. One instance per thread; {@link #held} may be read by any thread.
 */
final class ReferenceFloor {

    /** Objects tracked between two looks at the collection count (a power of two). */
    private static final int CHECK_EVERY = 4096;
    private static final VarHandle HELD;
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    static {
        try {
            HELD = MethodHandles.lookup().findVarHandle(ReferenceFloor.class, "held", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean weak;
    @SuppressWarnings("unchecked")
    private Reference<Object>[] refs = new Reference[1 << 15];
    @SuppressWarnings("unused") // accessed through HELD
    private int held;
    private long sweptAfter = -1;
    private int sinceCheck;

    ReferenceFloor(boolean weak) {
        this.weak = weak;
    }

    void track(Object object) {
        int n = (int) HELD.get(this);
        if (n == refs.length || (++sinceCheck & (CHECK_EVERY - 1)) == 0) {
            n = makeRoom(n);
        }
        refs[n] = weak ? new WeakReference<>(object) : new PhantomReference<>(object, null);
        HELD.setOpaque(this, n + 1);
    }

    /** References not yet found cleared: live objects, and dead ones not yet swept. Any thread. */
    int held() {
        return (int) HELD.getOpaque(this);
    }

    // Sweep soon after each collection (nothing else clears a reference), so that what it holds
    // is what the collector has not cleared yet; grow when the array is more than half full.
    private int makeRoom(int n) {
        long collections = collections();
        if (collections != sweptAfter) {
            sweptAfter = collections;
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (!refs[i].refersTo(null)) {
                    refs[kept++] = refs[i];
                }
            }
            Arrays.fill(refs, kept, n, null);
            n = kept;
        }
        if (n > refs.length / 2) {
            refs = Arrays.copyOf(refs, refs.length * 2);
        }
        return n;
    }

    static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }
}
