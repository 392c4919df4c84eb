package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.PhantomReference;

/**
 * The record of one tracked object: a phantom reference to it and the address of the slot it
 * holds. The slot's cache is not kept: {@link SlotRecords} finds it from the address through the
 * allocator's page map when it frees the slot.
 *
 * <p>A phantom reference rather than a weak one: the collector clears it only once the object
 * can no longer be reached at all, after any finalizer has run, which is exactly when the JVM's
 * own class histogram stops counting the object. A weak reference would be cleared while a
 * finalizer may still resurrect the object. The reference has no queue: the sweeps poll it with
 * {@link #refersTo} ({@link SlotRecords#settle}). A {@code ReferenceQueue} was measured too: its
 * single reclaimer thread falls behind two constructing threads, and the cleared records waiting
 * in the queue can exhaust the heap; the owners' sweep frees at the rate they construct.
 *
 * <p>Two layouts; {@link SlotRecords} picks one per tracker from the arena's size, so a process
 * builds records of one class only and calls on them stay monomorphic. Sizes with compressed
 * class pointers and compressed oops (the reference's 12-byte header and four reference fields,
 * {@code referent}, {@code queue}, {@code next}, {@code discovered}, take 28 bytes):
 *
 * <pre>
 *   byte  0          12                                       28        32       36       40         48
 *         | header   | referent | queue | next | discovered  | weight  | epoch  | slot int|          Compact: 40
 *         | header   | referent | queue | next | discovered  | weight  | epoch  | (gap)   | slot long  Wide: 48
 *
 *   Compact slot: (int) (address &gt;&gt;&gt; 3), read back as Integer.toUnsignedLong(slot) &lt;&lt; 3;
 *                 slot addresses are multiples of 8, so this is exact for addresses 0 to
 *                 {@link Compact#MAX_ADDRESS} (32 GiB - 16); 0xFFFFFFFF (-1) means freed.
 *   Wide slot:    the address; -1 ({@link #FREED}) means freed.
 * </pre>
 *
 * <p>Every record survives at least one young collection (it must be reachable when its object
 * dies), so its size is copied once per watched object: the compact layout saves a sixth of that.
 * Weight and epoch let a free take the object out of its cache's estimate ({@link Tally}).
 *
 * <p>A young collection discovers only the references it finds in the young generation (G1:
 * those in the collection set or copied into a survivor region, HotSpot's
 * {@code G1STWSubjectToDiscoveryClosure}); a record copied into the old generation, because
 * survivor space overflowed or the record reached the tenuring age, is an ordinary object there,
 * and its referent is kept alive like an ordinary field's until a concurrent or full cycle reaches
 * the record. When records are most of what survives a young collection (every allocation
 * tracked), that is what happens (seen with G1, Parallel and Serial on JDK 17), and the tracker's
 * {@link RecordBudget} keeps the records and what they hold from filling the heap. With ordinary
 * allocation around the tracked objects each record survives one young collection and is dropped
 * by the next sweep.
 *
 * <p>Who frees the slot is decided by one atomic exchange of the slot field with the freed
 * value ({@link #take}): a sweep (the object died; its owner's or the reclaimer's, which may scan
 * the same segment) and {@code failedSink} (its constructor threw) may each try, and only the
 * first one that swaps out the address frees it.
 */
abstract class SlotRef extends PhantomReference<Object> {

    /** What {@link #take} returns once the slot was taken; never a slot address. */
    static final long FREED = -1L;

    /** The watched object's weight (section 2a): the constructions it stands for. */
    final int weight;
    /** The collection epoch it was constructed in, truncated to an int ({@link SweepContext#epoch}). */
    final int epoch;

    private SlotRef(Object referent, int weight, int epoch) {
        super(referent, null);
        this.weight = weight;
        this.epoch = epoch;
    }

    /**
     * Swaps the slot out for "freed" in one atomic exchange; returns the slot's address if this
     * call took it, {@link #FREED} if somebody took it before.
     */
    abstract long take();

    /** The 40-byte record, for arenas under 32 GiB: every slot address at most {@link #MAX_ADDRESS}. */
    static final class Compact extends SlotRef {

        /** The largest address the compact slot holds: 0xFFFFFFFE &lt;&lt; 3, 32 GiB - 16. */
        static final long MAX_ADDRESS = 0xFFFF_FFFEL << 3;
        private static final int FREED_SLOT = -1;
        private static final VarHandle SLOT;

        static {
            try {
                SLOT = MethodHandles.lookup().findVarHandle(Compact.class, "slot", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through SLOT
        private int slot;

        Compact(Object referent, long address, int weight, int epoch) {
            super(referent, weight, epoch);
            // Plain write: the record reaches other threads only through a release store (the
            // segment's count), a concurrent queue of segments, or the end of the owning thread.
            this.slot = encode(address);
        }

        static int encode(long address) {
            assert address >= 0 && address <= MAX_ADDRESS && (address & 7) == 0
                    : "address 0x" + Long.toHexString(address) + " has no compact slot";
            return (int) (address >>> 3);
        }

        static long decode(int slot) {
            return Integer.toUnsignedLong(slot) << 3;
        }

        @Override
        long take() {
            int taken = (int) SLOT.getAndSet(this, FREED_SLOT);
            return taken == FREED_SLOT ? FREED : decode(taken);
        }
    }

    /** The 48-byte record, for arenas of 32 GiB and more. */
    static final class Wide extends SlotRef {

        private static final VarHandle SLOT;

        static {
            try {
                SLOT = MethodHandles.lookup().findVarHandle(Wide.class, "slot", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through SLOT
        private long slot;

        Wide(Object referent, long address, int weight, int epoch) {
            super(referent, weight, epoch);
            assert address != FREED : "a slot address cannot be " + FREED;
            this.slot = address; // plain write, published as in Compact
        }

        @Override
        long take() {
            return (long) SLOT.getAndSet(this, FREED);
        }
    }
}
