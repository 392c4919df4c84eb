package io.jslab.track;

import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Counts every construction of a tracked class, watches a sample of them (SPEC 2a), and keeps
 * each class's slab cache holding as many slots as its estimated live objects.
 *
 * <p>Flow: an instrumented constructor returns, {@code SlabHook.constructed} calls
 * {@link #constructedSink()} with the object and its class; the tracker finds or creates the
 * class's cache and {@link Tally} ({@link ClassCaches}) and counts the construction. Only a
 * watched construction goes further (all of them for a class watched entirely, else one in
 * {@code weight}, as the {@link WatchBudget} sets): it allocates a slot and appends a {@link SlotRef} (a phantom
 * reference holding the slot's address, made by {@link SlotRecords}) to the calling thread's
 * buffer ({@link SlotBuffers}) without taking any lock. After each collection the threads that
 * keep constructing sweep their own buffers ({@link SlotBuffer}): the slots of records whose
 * objects are gone go back from the thread that allocated them, into its own magazine. The
 * reclaimer thread ({@link SlotReclaimer}) does the same for idle and ended threads and for
 * long-lived records, shortly after each collection (the long-lived ones after a collection of
 * the old generation) and at least once a second. Every sweep
 * settles each record the same way ({@link SlotRecords#settle}): still referring to its object,
 * kept; cleared by the collector, its slot freed and the record dropped (why no
 * {@code ReferenceQueue}: {@link SlotRef}).
 *
 * <p>Costs per watched object: one slot, one 40-byte record on the heap (with compressed
 * pointers; 48 bytes over an arena of 32 GiB or more), and 4 bytes in a segment; the record
 * lives until the first sweep after the collection that clears it. An unwatched construction
 * costs an increment of its thread's counting cell and of its countdown ({@link ThreadCounts});
 * the slots standing for unwatched objects are taken and given back after each walk, mostly as
 * whole slabs ({@link Tally#settleReserve}), 8 heap bytes a slab.
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
public final class ObjectTracker implements AutoCloseable, Populations {

    /** Watched objects a second when no budget is given: see the benchmarks page for why. */
    public static final long DEFAULT_WATCH_BUDGET = 50_000;

    private final SlabAllocator allocator;
    private final ErrorSink errors;
    private final ClassCaches caches;
    private final SlotRecords records;
    private final RecordBudget budget;
    private final SweepContext context;
    private final WatchBudget watchBudget;
    private final SlotBuffers buffers;
    private final SlotReclaimer reclaimer;
    private final AtomicLong untracked = new AtomicLong();
    private final ConstructionCounts counts = new ConstructionCounts();
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
    private final BiConsumer<Object, Class<?>> clonedSink = this::trackCopy;
    private static final long CONTROL_NANOS = 250_000_000L;
    private volatile boolean closed;
    private long lastControl;          // the reclaimer's thread
    private boolean started;           // guarded by this
    private GcListener gcListener;     // guarded by this

    /**
     * A tracker over {@code allocator} that watches every object ({@code track=exact}).
     *
     * @param objectSize the shallow size of an object, e.g. {@code Instrumentation::getObjectSize}
     */
    public ObjectTracker(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors) {
        this(allocator, objectSize, errors, DEFAULT_WATCH_BUDGET, type -> true);
    }

    /**
     * A tracker that watches about {@code watchBudget} objects a second in all, and every object
     * of the classes {@code exact} accepts ({@code type -> true}: every class, {@code track=exact}).
     */
    public ObjectTracker(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors,
                         long watchBudget, Predicate<Class<?>> exact) {
        this(allocator, objectSize, errors, null, watchBudget, exact);
    }

    /** Watching every object, with {@code budget} instead of half the heap (null); for tests. */
    ObjectTracker(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors,
                  RecordBudget budget) {
        this(allocator, objectSize, errors, budget, DEFAULT_WATCH_BUDGET, type -> true);
    }

    ObjectTracker(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors,
                  RecordBudget budget, long watchBudget, Predicate<Class<?>> exact) {
        this.allocator = allocator;
        this.errors = errors;
        this.watchBudget = new WatchBudget(watchBudget);
        this.caches = new ClassCaches(allocator, objectSize, errors, exact,
                this.watchBudget.windowLimit(), counts);
        ClassCaches tallies = caches; // captured alone, not this, as below
        this.records = new SlotRecords(allocator, errors, (cache, ref) -> freed(tallies, cache, ref));
        this.budget = budget != null ? budget
                : RecordBudget.ofHeap(Runtime.getRuntime().maxMemory(), records.compact() ? 48 : 56);
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

    /** For {@code SlabHook.install}: counts a copy made by {@code clone()} in a tracked class. */
    public BiConsumer<Object, Class<?>> clonedSink() {
        return clonedSink;
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
        // Threads' thread-local buffers and the tracked classes' class values outlive the
        // tracker: cut what they hold, so a detach leaves nothing of it behind.
        buffers.close();
        caches.close();
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
     * Heap bytes the records take now: records held (watched, not yet reclaimed nor taken back)
     * times a record and its 4-byte segment entry (40 + 4 bytes compact, 48 + 4 wide), plus the
     * reserves' addresses (8 bytes a whole slab or a single slot, {@link Tally#settleReserve}).
     */
    public long recordHeapBytes() {
        long held = trackedObjects() - reclaimedObjects() - untracked.get();
        return Math.max(0, held) * (records.compact() ? 44 : 52) + reserveHeapBytes();
    }

    /** Per-thread buffers of platform threads not yet taken over by the reclaimer. */
    public int threadBuffers() {
        return buffers.ownedBuffers();
    }

    /** Whether records take the compact 32-byte layout (arenas under 32 GiB) rather than the wide one. */
    boolean compactRecords() {
        return records.compact();
    }

    /**
     * A copy made by {@code Object.clone()} in {@code callerClass}: counted as a construction of
     * its runtime class when that is {@code callerClass}, or a subclass already tracked (one whose
     * own constructors counted an object); a copy of an untracked subclass is not counted.
     */
    private void trackCopy(Object copy, Class<?> callerClass) {
        Class<?> type = copy.getClass();
        if (type == callerClass) {
            track(copy, type);
        } else {
            Tally tally = caches.existing(type);
            if (tally != null) {
                track(copy, type, tally);
            }
        }
    }

    private void track(Object object, Class<?> type) {
        if (closed) {
            return;
        }
        try {
            Tally tally = caches.tallyFor(object, type);
            if (tally != null) {
                track(object, type, tally);
            }
        } catch (Throwable t) {
            errors.error("cannot track an object of class " + type.getName(), t);
        }
    }

    private void track(Object object, Class<?> type, Tally tally) {
        if (closed) {
            return;
        }
        long slot = SlabCache.NO_MEMORY;
        try {
            int weight = tally.count();
            if (weight == 0) {
                return; // counted, not watched
            }
            if (budget.exhausted()) {
                tally.cache.countRefusal(); // the records already take their share of the heap
                return;
            }
            slot = tally.cache.allocate();
            if (slot == SlabCache.NO_MEMORY) {
                return; // counted by the cache as an allocation failure; the object stays unwatched
            }
            int stamp = tally.epoch();
            SlotRef ref = records.record(object, slot, weight, stamp);
            tally.watched(weight, stamp);
            buffers.add(ref);
        } catch (Throwable t) {
            errors.error("cannot track an object of class " + type.getName(), t);
            if (slot != SlabCache.NO_MEMORY) {
                freeQuietly(tally.cache, slot);
            }
        }
    }

    private void untrack(Object object, Class<?> type) {
        if (closed) {
            return;
        }
        try {
            Tally tally = caches.existing(type);
            if (tally == null) {
                return; // never tracked: its class has no cache
            }
            tally.uncount();
            SlotRef ref = buffers.current().find(object);
            if (ref != null) {
                untrack(ref, untracked, records);
            } else if (tally.weight() == 1) {
                reclaimer.untrackLater(object); // watched, but no longer near the buffer's end
            }
            // else most likely never watched; a watched one deep in the buffer stays, as its
            // weight's share of the estimate, until the collector takes it
        } catch (Throwable t) {
            errors.error("cannot take back an object of class " + type.getName(), t);
        }
    }

    private static void freed(ClassCaches caches, SlabCache cache, SlotRef ref) {
        Tally tally = caches.of(cache);
        if (tally != null) {
            tally.freed(ref);
        }
    }

    /** The tally of {@code type}, or null before its first construction; for tests. */
    Tally tally(Class<?> type) {
        return caches.existing(type);
    }

    /** What the tracker knows of {@code cache}'s population, or null for a cache it does not fill. */
    @Override
    public Estimate estimate(SlabCache cache) {
        Tally tally = caches.of(cache);
        return tally == null ? null : tally.estimate();
    }

    /**
     * Makes {@code cache} watched entirely from now on, or gives it back to the budget; objects
     * constructed before keep their weights. Returns false for a cache the tracker does not fill.
     */
    @Override
    public boolean exact(SlabCache cache, boolean exact) {
        Tally tally = caches.of(cache);
        if (tally == null) {
            return false;
        }
        tally.forcedExact(exact);
        return true;
    }

    /** Whether {@code cache} is always watched entirely ({@code exact=}, {@code track=exact}, JMX). */
    @Override
    public boolean forcedExact(SlabCache cache) {
        Tally tally = caches.of(cache);
        return tally != null && tally.forcedExact();
    }

    /** A new {@code exact=} selection (a second attach): by class name, watched entirely or not. */
    public void exactClasses(java.util.function.Predicate<String> byName) {
        caches.exactClasses(byName);
    }

    /** Watched objects a second the budget allows, for the whole JVM. */
    public long watchBudget() {
        return watchBudget.perSecond();
    }

    /** Objects watched since the tracker began, all classes. */
    public long watchedObjects() {
        long sum = 0;
        for (Tally t : caches.tallies()) {
            sum += t.watchedObjects();
        }
        return sum;
    }

    /** Heap bytes the reserves' addresses take. */
    public long reserveHeapBytes() {
        long sum = 0;
        for (Tally t : caches.tallies()) {
            sum += t.reserveBytes();
        }
        return sum;
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

    /**
     * What the GC listener calls after each collection, {@code major} if it collected the old
     * generation too; tests call it for collections they run.
     */
    void collectionEnded(boolean major) {
        context.collectionEnded();
        for (Tally t : caches.tallies()) {
            t.collectionEnded();
        }
        reclaimer.collectionEnded(major);
    }

    /** One full reclaimer walk on the calling thread; for tests of a tracker never started. */
    void walkOnce() {
        reclaimer.walk(true, true);
    }

    /** The reclaimer's walk after a collection, on the calling thread; for tests of a tracker never started. */
    void walkAfterCollection(boolean major) {
        reclaimer.walk(false, major);
    }

    /** After each reclaimer walk: records held now, against the budget. */
    private void checkBudget() {
        budget.update(trackedObjects() - reclaimedObjects() - untracked.get());
        control(System.nanoTime());
    }

    /**
     * Shares the watch budget and settles each cache's reserve; the reclaimer's thread, after a
     * walk, at most every {@link #CONTROL_NANOS}: a reserve follows the estimate, which between
     * two collections grows by every construction, so settling it after every young collection
     * would move a slot per construction; four times a second moves only what the estimate
     * changed by since.
     */
    void control(long nowNanos) {
        if (lastControl != 0 && nowNanos - lastControl < CONTROL_NANOS) {
            return;
        }
        lastControl = nowNanos;
        List<Tally> tallies = caches.tallies();
        try {
            watchBudget.rebalance(tallies, nowNanos);
        } catch (Throwable t) {
            errors.error("cannot share the watch budget", t);
        }
        long limit = watchBudget.windowLimit();
        for (Tally t : tallies) {
            t.newWindow(limit);
            try {
                t.settleReserve();
            } catch (Throwable e) {
                errors.error("cannot settle the slots of cache " + t.cache.name(), e);
            }
        }
    }

    /** The most records held at once before new objects go untracked. */
    long recordLimit() {
        return budget.limit();
    }

    private void maintain() {
        try {
            counts.retireEnded();
            allocator.maintain();
        } catch (Throwable t) {
            errors.error("allocator maintenance", t);
        }
    }
}
