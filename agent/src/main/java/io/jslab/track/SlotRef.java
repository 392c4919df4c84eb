package io.jslab.track;

import io.jslab.slab.SlabCache;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * The record of one tracked object: a phantom reference to it, the slot it holds and the cache
 * the slot belongs to.
 *
 * <p>A phantom reference rather than a weak one: the collector clears it only once the object
 * can no longer be reached at all, after any finalizer has run, which is exactly when the JVM's
 * own class histogram stops counting the object. A weak reference would be cleared while a
 * finalizer may still resurrect the object. Without a queue ({@code queue == null}) the reference
 * is only ever polled with {@link #refersTo}; with a queue the collector enqueues it.
 *
 * <p>Size with compressed class pointers: the reference's 12-byte header and four reference
 * fields take 28 bytes; {@code cache} fills the gap to 32 and {@code slot} ends the object at 40.
 *
 * <p>A young collection clears only the references it finds in the young generation. When
 * records are most of what survives a young collection (every allocation tracked, nothing else
 * surviving), survivor space overflows, records are copied straight into the old generation, and
 * their objects, kept alive by the undiscovered record, wait for the next mixed or full
 * collection (seen with G1, Parallel and Serial on JDK 17). With ordinary allocation around the
 * tracked objects each record survives one young collection and is dropped by the next sweep.
 *
 * <p>Who frees the slot is decided by one atomic exchange of {@code slot} with {@link #FREED}:
 * the reclaimer (the object died) and {@code failedSink} (its constructor threw) may both try,
 * and only the first one that swaps out the address frees it.
 */
final class SlotRef extends PhantomReference<Object> {

    /** The value of {@code slot} once the slot was given back; never a slot address. */
    static final long FREED = SlabCache.NO_MEMORY;

    private static final VarHandle SLOT;

    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(SlotRef.class, "slot", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SlabCache cache;
    @SuppressWarnings("unused") // accessed through SLOT
    private long slot;

    SlotRef(Object referent, ReferenceQueue<Object> queue, SlabCache cache, long slot) {
        super(referent, queue);
        this.cache = cache;
        // Plain write: the record reaches other threads only through a release store (the
        // segment's count), a concurrent queue, or the end of the owning thread.
        this.slot = slot;
    }

    /**
     * Frees the slot unless somebody already did; returns whether this call freed it.
     *
     * @throws IllegalArgumentException or IllegalStateException from the cache, if the slab layer
     *         disagrees (a bug, reported by the caller)
     */
    boolean free() {
        long address = (long) SLOT.getAndSet(this, FREED);
        if (address == FREED) {
            return false;
        }
        cache.free(address);
        return true;
    }

    /** {@link #free}, with a refusal of the slab layer reported instead of thrown. */
    boolean release(ErrorSink errors) {
        try {
            return free();
        } catch (RuntimeException e) {
            errors.error("cannot free a slot of cache " + cache.name(), e);
            return false;
        }
    }

    /** Whether the slot was given back already (read with acquire: it may have been by another thread). */
    boolean isFreed() {
        return (long) SLOT.getAcquire(this) == FREED;
    }

    SlabCache cache() {
        return cache;
    }
}
