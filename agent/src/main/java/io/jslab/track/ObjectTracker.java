package io.jslab.track;

import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * Gives each tracked object a slot in its class's slab cache, and the slot back once the garbage
 * collector has reclaimed the object.
 *
 * <p>Flow: an instrumented constructor returns, {@code SlabHook.constructed} calls
 * {@link #constructedSink()} with the object and its class; the tracker finds or creates the
 * class's cache ({@link ClassCaches}), allocates a slot, and appends a {@link SlotRef} (a phantom
 * reference holding the slot's address, made by {@link SlotRecords}) to the calling thread's
 * buffer ({@link SlotBuffers}) without taking any lock. After each collection the threads that
 * keep constructing sweep their own buffers ({@link SlotBuffer}): the slots of records whose
 * objects are gone go back from the thread that allocated them, into its own magazine. The
 * reclaimer thread ({@link SlotReclaimer}) does the same for idle and ended threads and for
 * long-lived records, shortly after each collection and at least once a second. Every sweep
 * settles each record the same way ({@link SlotRecords#settle}): still referring to its object,
 * kept; cleared by the collector, its slot freed and the record dropped (why no
 * {@code ReferenceQueue}: {@link SlotRef}).
 *
 * <p>Costs per tracked object: one slot, one 32-byte record on the heap (with compressed
 * pointers; 40 bytes over an arena of 32 GiB or more), and 4 bytes in a segment; the record
 * lives until the first sweep after the collection that clears it.
 *
 * <p>Exactness: each record is freed at most once, by whoever first swaps its slot out
 * ({@link SlotRef#take}). An object of a class whose cache cannot grow (arena exhausted), or
 * constructed while the records hold their share of the heap ({@link RecordBudget}), is left
 * untracked: the cache counts the failure and nothing is thrown. No method called from
 * instrumented code throws; failures go to the {@link ErrorSink}.
 *
 * <p>Closing stops the reclaimer and the GC listener and turns the sinks into no-ops; slots still
 * held stay held (the allocator belongs to the caller).
 */
public final class ObjectTracker implements AutoCloseable {

    private final SlabAllocator allocator;
    private final ErrorSink errors;
    private final ClassCaches caches;
    private final SlotRecords records;
    private final RecordBudget budget;
    private final SweepContext context;
    private final SlotBuffers buffers;
    private final SlotReclaimer reclaimer;
    private final AtomicLong untracked = new AtomicLong();
    /**
     * Where full segments go; null once closed. Why not {@code reclaimer} itself: a thread's
     * buffer lives in a {@code ThreadLocal} of the application's thread, and reaches this tracker
     * through its context's {@code promote}. Through the tracker it would reach the thread-local
     * key too, which then could never be collected (a value that holds its own key keeps its
     * entry for the thread's life): every detach would leave a tracker per thread behind.
     * Closing cuts the path here, so the key goes with the tracker, and the entry soon after.
     */
    private final AtomicReference<SlotReclaimer> promoteTo = new AtomicReference<>();
    private final BiConsumer<Object, Class<?>> constructedSink = this::track;
    private final BiConsumer<Object, Class<?>> failedSink = this::untrack;
    private volatile boolean closed;
    private boolean started;           // guarded by this
    private GcListener gcListener;     // guarded by this

    /**
     * A tracker over {@code allocator}.
     *
     * @param objectSize the shallow size of an object, e.g. {@code Instrumentation::getObjectSize}
     */
    public ObjectTracker(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors) {
        this(allocator, objectSize, errors, null);
    }

    /** As above, with {@code budget} instead of half the heap (null); for tests. */
    ObjectTracker(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors,
                  RecordBudget budget) {
        this.allocator = allocator;
        this.errors = errors;
        this.caches = new ClassCaches(allocator, objectSize, errors);
        this.records = new SlotRecords(allocator, errors);
        this.budget = budget != null ? budget
                : RecordBudget.ofHeap(Runtime.getRuntime().maxMemory(), records.compact() ? 40 : 48);
        AtomicReference<SlotReclaimer> to = promoteTo; // captured alone, not this
        this.context = new SweepContext(records, errors, survivor -> promote(to, survivor));
        this.buffers = new SlotBuffers(context);
        this.reclaimer = new SlotReclaimer(buffers, context, this::maintain, this::checkBudget, untracked);
        promoteTo.set(reclaimer);
    }

    /** For {@code SlabHook.install}: counts a constructed object in its class's cache. */
    public BiConsumer<Object, Class<?>> constructedSink() {
        return constructedSink;
    }

    /** For {@code SlabHook.install}: takes back an object whose delegating constructor threw. */
    public BiConsumer<Object, Class<?>> failedSink() {
        return failedSink;
    }

    /** Starts the reclaimer thread and listens to the collectors; idempotent. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        Thread thread = new Thread(null, reclaimer, "jslab-reclaimer", 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        reclaimer.start(thread);
        try {
            gcListener = GcListener.listen(this::collectionEnded);
        } catch (Throwable t) {
            // A runtime without java.management: the once-a-second walk still reclaims.
            errors.error("no garbage collection notifications, reclaiming once a second", t);
        }
    }

    /** Stops the reclaimer and the GC listener; the sinks do nothing afterwards. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        promoteTo.set(null);
        if (gcListener != null) {
            gcListener.close();
        }
        try {
            reclaimer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Objects given a slot since the tracker was made. */
    public long trackedObjects() {
        return buffers.tracked();
    }

    /** Tracked objects taken back because their delegating constructor threw after the delegation. */
    public long untrackedFailures() {
        return untracked.get();
    }

    /** Slots given back after the collector reclaimed their objects. */
    public long reclaimedObjects() {
        return buffers.reclaimed() + reclaimer.reclaimed();
    }

    /** Walks the reclaimer has finished: one after each collection and one a second at least. */
    public long reclaimerWalks() {
        return reclaimer.walks();
    }

    /**
     * Heap bytes the records take now: records held (tracked, not yet reclaimed nor taken back)
     * times a record and its 4-byte segment entry (32 + 4 bytes compact, 40 + 4 wide).
     */
    public long recordHeapBytes() {
        long held = trackedObjects() - reclaimedObjects() - untracked.get();
        return Math.max(0, held) * (records.compact() ? 36 : 44);
    }

    /** Per-thread buffers of platform threads not yet taken over by the reclaimer. */
    public int threadBuffers() {
        return buffers.ownedBuffers();
    }

    /** Whether records take the compact 32-byte layout (arenas under 32 GiB) rather than the wide one. */
    boolean compactRecords() {
        return records.compact();
    }

    private void track(Object object, Class<?> type) {
        if (closed) {
            return;
        }
        SlabCache cache = null;
        long slot = SlabCache.NO_MEMORY;
        try {
            cache = caches.cacheFor(object, type);
            if (cache == null) {
                return;
            }
            if (budget.exhausted()) {
                cache.countRefusal(); // the records already take their share of the heap
                return;
            }
            slot = cache.allocate();
            if (slot == SlabCache.NO_MEMORY) {
                return; // counted by the cache as an allocation failure; the object stays untracked
            }
            buffers.current().add(records.record(object, slot));
        } catch (Throwable t) {
            errors.error("cannot track an object of class " + type.getName(), t);
            if (slot != SlabCache.NO_MEMORY) {
                freeQuietly(cache, slot);
            }
        }
    }

    private void untrack(Object object, Class<?> type) {
        if (closed) {
            return;
        }
        try {
            if (caches.existing(type) == null) {
                return; // never tracked: its class has no cache
            }
            SlotRef ref = buffers.current().find(object);
            if (ref != null) {
                untrack(ref, untracked, records);
            } else {
                reclaimer.untrackLater(object);
            }
        } catch (Throwable t) {
            errors.error("cannot take back an object of class " + type.getName(), t);
        }
    }

    /** Frees a record's slot for good: later sweeps find it cleared and already freed, and drop it. */
    static void untrack(SlotRef ref, AtomicLong untracked, SlotRecords records) {
        ref.clear();
        if (records.release(ref)) {
            untracked.incrementAndGet();
        }
    }

    private void freeQuietly(SlabCache cache, long slot) {
        try {
            cache.free(slot);
        } catch (Throwable t) {
            errors.error("cannot free a slot of cache " + cache.name(), t);
        }
    }

    private static void promote(AtomicReference<SlotReclaimer> to, Segment survivor) {
        SlotReclaimer reclaimer = to.get();
        if (reclaimer != null) {
            reclaimer.promote(survivor);
        }
    }

    /** What the GC listener calls after each collection; tests call it for collections they run. */
    void collectionEnded() {
        context.collectionEnded();
        reclaimer.collectionEnded();
    }

    /** One full reclaimer walk on the calling thread; for tests of a tracker never started. */
    void walkOnce() {
        reclaimer.walk(true);
    }

    /** After each reclaimer walk: records held now, against the budget. */
    private void checkBudget() {
        budget.update(trackedObjects() - reclaimedObjects() - untracked.get());
    }

    /** The most records held at once before new objects go untracked. */
    long recordLimit() {
        return budget.limit();
    }

    private void maintain() {
        try {
            allocator.maintain();
        } catch (Throwable t) {
            errors.error("allocator maintenance", t);
        }
    }
}
