package io.jslab.slab;

import io.jslab.arena.BuddyArena;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cache of equally sized slots carved from slabs of contiguous arena pages: the kernel's
 * {@code struct kmem_cache} with SLUB's slab lists and Bonwick's per-thread magazines in front.
 *
 * <pre>
 * Notation
 *   size      slot size: the requested size rounded up to align (8, or 64 for hwcacheAlign)
 *   order     slab order from {@link SlabOrder} (SLUB's calculate_order); pages = 2^order
 *   objects   objperslab = (pageSize &lt;&lt; order) / size;  tail = (pageSize &lt;&lt; order) % size
 *
 * A slab (base is a multiple of pageSize &lt;&lt; order, as every buddy block is)
 *
 *   base                                                              base + (pageSize &lt;&lt; order)
 *   | slot 0        | slot 1        | ...  | slot objects-1  | tail (unused) |
 *   |&lt;--- size ---&gt;|
 *
 * A slot's first 8 bytes: the slot record
 *   in use:  allocation time, coarse-clock milliseconds (small, non-negative)
 *   free:    0x6b6b6b6b6b6b6b6b, the kernel's POISON_FREE byte eight times; written on every free
 *            and into every slot of a new slab, so freeing a poisoned slot is a double free
 *   The rest of the slot belongs to the caller and is never read here.
 *
 * Slab lists (under the cache lock), by slots the slab has given out:
 *   full (none free)   partial (some free)   empty (all free, kept for reuse)
 *
 * In front: one magazine per thread (capacity up to 64, at least 2, at most objperslab),
 * a stack of free slot addresses only that thread touches.
 *
 * Finding the calling thread's magazine
 *   owned[threadId % 32] --owner == current thread?--&gt; magazine        (two loads, no lookup)
 *        `- a virtual thread: the first stripe from threadId % stripes whose lock is free
 *        `- otherwise: the cache's ThreadLocal&lt;Magazine&gt;, made and registered on first use
 * </pre>
 *
 * <p>Virtual threads. A magazine per virtual thread would hold up to a magazine of slots per
 * task until the task's thread ended and the housekeeping drained it: 300,000 short tasks left a
 * cache with 0 objects in use in 7 million slots. So virtual threads share a few striped
 * magazines (twice the processors, rounded to a power of two, made on first use), each used under
 * its own lock, as the kernel keeps per-CPU rather than per-task caches. A virtual thread takes
 * the first stripe from its own whose lock it gets at once, so it parks only when all are busy.
 * The stripes live as long as the cache.
 *
 * <p>Why this lookup: an allocate+free pair measured 18.3 ns (thread CPU time, JDK 17, 2 busy
 * cores) with a thread-local lookup in each, 14.5 to 15.5 ns with the {@code owned} table.
 * One thread-local per chain holding an array indexed by cache id measured slower than one per
 * cache (24.1 against 22.4 ns for a thread that also used 40 other caches), so the fallback is one
 * thread-local per cache. Two threads on two cores each cost 17 ns a pair: nothing shared is
 * written on the fast path, so they scale.
 *
 * <p>Counting. A slot sitting in a magazine is in use from its slab's point of view (it counts in
 * num_objs of a full or partial slab, and keeps its slab from being empty), but {@code active_objs}
 * counts only the slots handed out to callers: allocations minus frees, summed over the
 * magazines. The kernel's SLUB behaves alike: objects on a cpu's frozen slab are not on the
 * node's lists, and {@code /proc/slabinfo} counts them in use.
 *
 * <p>Allocate
 * <ol>
 *   <li>Pop an address from the calling thread's magazine (no lock, no shared write).
 *   <li>Empty magazine: under the cache lock take half a magazine of slots, from the partial slabs
 *       first, then the empty ones, each slab's most recently freed slot first (a fresh slab
 *       gives its slots in address order), and hand out the first of them.
 *   <li>No partial or empty slab: release the lock, take a block of 2^order pages from the arena
 *       (which may ask every cache to give back empty slabs), poison its slots, map its pages,
 *       put it on the empty list under the lock, and go back to step 2. No block: count an
 *       allocation failure, tell the listeners, return {@link #NO_MEMORY}.
 *   <li>Write the allocation time into the slot record; count the allocation in the magazine.
 * </ol>
 * Free
 * <ol>
 *   <li>Find the slab through the page map; refuse an address that no slab of this cache covers,
 *       or that is not the start of a slot (index by reciprocal multiplication, no division).
 *   <li>Exchange the slot record for the poison (one atomic {@code getAndSet}): reading the
 *       poison back means a double free, so of frees racing on one slot exactly one goes on.
 *       Record the lifetime (now minus the record) and count the free in the magazine.
 *   <li>Push the address onto the magazine; a full magazine first gives its older half back to
 *       the slabs under the cache lock, moving each slab to the list its new count calls for.
 * </ol>
 * Bulk: {@link #allocateBulk} and {@link #freeBulk} move many slots in one pass under the cache
 * lock, bypassing the magazines, as the kernel's {@code kmem_cache_alloc_bulk} and
 * {@code kmem_cache_free_bulk}; an allocation gets all its slots or none. {@link #allocateSlabs}
 * and {@link #freeSlabs} do the same a whole slab at a time: the slab moves between the empty
 * and full lists and its slots' records are written in one sequential pass, with no per-slot
 * bookkeeping; a caller that needs many slots it never hands out (an estimated population's
 * reserve) holds one address per slab.
 * Shrink: give the caller's own magazine back, drain the magazines of ended threads, unmap every
 * empty slab and free its block to the arena. Reclaim (the arena's request) does the last part
 * only, and only if the lock is free at once.
 *
 * <p>Sources: Linux {@code mm/slub.c} (calculate_order, obj_to_index, the partial lists,
 * kmem_cache_shrink); J. Bonwick, "The Slab Allocator: An Object-Caching Kernel Memory
 * Allocator", USENIX 1994; J. Bonwick and J. Adams, "Magazines and Vmem", USENIX 2001.
 */
public final class SlabCache {

    /** What {@link #allocate} returns when the arena has no memory for a new slab. */
    public static final long NO_MEMORY = -1L;

    /** Most slots one thread keeps in its magazine for one cache. */
    static final int MAGAZINE_LIMIT = 64;

    /** Threads (by id residue) whose magazine is found without a thread-local lookup. */
    private static final int OWNERS = 32;

    /** Stripes of magazines shared by virtual threads: twice the processors, a power of two. */
    static final int STRIPES =
            Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;

    private final String name;
    private final int size;
    private final int align;
    private final int order;
    private final int objects;
    private final int pages;
    private final int pageSize;
    private final SlabAllocator chain;
    private final BuddyArena arena;
    private final PageMap pageMap;
    private final MillisClock clock;
    private final long indexMultiplier;
    private final int indexShift;
    private final int magazineCapacity;
    private final ThreadLocal<Magazine> magazines = ThreadLocal.withInitial(this::newMagazine);
    /**
     * Magazines found without the thread-local lookup (which costs some 2 ns on each of allocate
     * and free): slot {@code threadId % OWNERS} holds the magazine of the first thread with that
     * id residue to use the cache. Written rarely (under the lock: when a thread claims a free
     * slot, or when its magazine is drained), read racily: a stale or missing entry fails the
     * owner check and falls back to the thread-local, and a Magazine's final fields are safe to
     * read through a race. Each thread reads only; nothing shared is written on the fast path.
     */
    private final Magazine[] owned = new Magazine[OWNERS];
    /** The virtual threads' magazines, one per stripe, made on first use (under the cache lock). */
    private final Stripe[] stripes = new Stripe[STRIPES];
    private final AtomicLong failures = new AtomicLong();

    private final SlabNode node;
    private final ReentrantLock lock;
    // Guarded by lock:
    private final List<Magazine> liveMagazines = new ArrayList<>();
    private final SlabCounters retired = new SlabCounters();
    private final SlabCounters bulk = new SlabCounters();
    private final RateMeter rates = new RateMeter();

    SlabCache(SlabAllocator chain, String name, int size, int align, int order, int magazineLimit) {
        this.chain = chain;
        this.arena = chain.arena();
        this.pageMap = chain.pageMap();
        this.clock = chain.clock();
        this.name = name;
        this.size = size;
        this.align = align;
        this.order = order;
        this.pageSize = arena.config().pageSize();
        this.pages = 1 << order;
        this.objects = (int) (((long) pageSize << order) / size);
        Reciprocal slotIndex = new Reciprocal(size);
        this.indexMultiplier = slotIndex.multiplier();
        this.indexShift = slotIndex.shift();
        this.magazineCapacity = magazineLimit == 0 ? 0
                : Math.max(2, Math.min(magazineLimit, objects));
        this.node = new SlabNode(this, arena, pageMap, size, objects, order);
        this.lock = node.lock;
    }

    public String name() {
        return name;
    }

    /** Slot size: the requested size rounded up to the alignment. */
    public int objectSize() {
        return size;
    }

    /** 8, or 64 for a hardware-cache-aligned cache. */
    public int align() {
        return align;
    }

    public int objectsPerSlab() {
        return objects;
    }

    public int pagesPerSlab() {
        return pages;
    }

    int order() {
        return order;
    }

    int magazineCapacity() {
        return magazineCapacity;
    }

    /** The cache lock, for tests that make it busy. */
    ReentrantLock lockForTests() {
        return lock;
    }

    /**
     * Hands out a free slot and writes its allocation record (the construction time).
     *
     * @return the slot's arena address, or {@link #NO_MEMORY} (counted as an allocation failure)
     */
    public long allocate() {
        Thread self = Thread.currentThread();
        Magazine m = owned[ownerSlot(self)];
        if (m == null || m.owner != self) {
            if (VirtualThreads.isVirtual(self)) {
                return allocateStriped(self);
            }
            m = magazines.get();
        }
        return allocate(m);
    }

    private long allocate(Magazine m) {
        int n = m.count;
        if (n == 0) {
            return allocateSlow(m);
        }
        m.count = --n;
        long address = m.slots[n];
        arena.putLong(address, clock.millis());
        m.countAllocation();
        return address;
    }

    /**
     * Gives a slot back and records its lifetime from its allocation record.
     *
     * @throws IllegalArgumentException if {@code address} is not a slot of this cache
     * @throws IllegalStateException if the slot is already free
     */
    public void free(long address) {
        Slab slab = pageMap.slabAt(address);
        if (slab == null || slab.cache != this) {
            throw SlotErrors.notOfCache(address, this, slab);
        }
        free(slab, address);
    }

    /**
     * {@link #free(long)} once the slab is known: {@link SlabAllocator#kfree} found it already
     * through the page map, and a second lookup would only find it again.
     */
    void free(Slab slab, long address) {
        assert slab.cache == this : "slab at " + SlotErrors.hex(slab.base) + " is not of cache " + name;
        long offset = address - slab.base;
        long index = (offset * indexMultiplier) >>> indexShift; // Reciprocal.divide, inlined
        if (index * size != offset || index >= objects) {
            throw SlotErrors.notASlotStart(address, this, slab, index);
        }
        // One atomic exchange both checks and poisons: of frees of one slot racing each other,
        // exactly one reads the allocation record and goes on; the others read the poison and
        // are refused, so a slot never reaches two free lists (and is never handed out twice).
        // A refused free rewrote the poison with the poison, which changes nothing.
        long record = arena.getAndSetLong(address, Slab.POISON_FREE);
        if (record == Slab.POISON_FREE) {
            throw SlotErrors.doubleFree(address, this);
        }
        long lifetime = clock.millis() - record;
        Thread self = Thread.currentThread();
        Magazine m = owned[ownerSlot(self)];
        if (m == null || m.owner != self) {
            if (VirtualThreads.isVirtual(self)) {
                freeStriped(self, address, lifetime);
                return;
            }
            m = magazines.get();
        }
        free(m, address, lifetime);
    }

    private void free(Magazine m, long address, long lifetime) {
        m.countFree(lifetime);
        int n = m.count;
        if (n == m.capacity) {
            freeSlow(m, address);
            return;
        }
        m.slots[n] = address;
        m.count = n + 1;
    }

    /**
     * Hands out {@code count} slots at once into {@code out[0..count)}, all or none, as the
     * kernel's {@code kmem_cache_alloc_bulk}: one pass under the cache lock, no magazine. Each
     * slot's record gets the allocation time.
     *
     * @return {@code count}, or 0 when the arena cannot supply them all (then every one of the
     *         {@code count} is counted as an allocation failure and no slot is held)
     * @throws IndexOutOfBoundsException if {@code count} is negative or exceeds {@code out.length}
     */
    public int allocateBulk(long[] out, int count) {
        Objects.checkFromIndexSize(0, count, out.length);
        int got = 0;
        while (true) {
            lock.lock();
            try {
                got += node.take(out, got, count - got);
                if (got == count) {
                    long now = clock.millis();
                    for (int i = 0; i < count; i++) {
                        arena.putLong(out[i], now);
                    }
                    bulk.allocations += count;
                    return count;
                }
            } finally {
                lock.unlock();
            }
            if (addNewSlab()) {
                continue;
            }
            lock.lock();
            try {
                for (int i = 0; i < got; i++) {
                    node.giveBack(out[i]);
                }
            } finally {
                lock.unlock();
            }
            failures.addAndGet(count);
            chain.allocationFailed(this);
            return 0;
        }
    }

    /**
     * Takes {@code count} empty slabs whole (new ones from the arena as needed) and puts their
     * addresses into {@code out[0..count)}, all or none: every slot of each counts as allocated
     * and holds the allocation time. Give them back with {@link #freeSlabs}, not slot by slot.
     *
     * @return {@code count}, or 0 when the arena cannot supply them all (then every slot of the
     *         {@code count} slabs is counted as an allocation failure and no slab is held)
     * @throws IndexOutOfBoundsException if {@code count} is negative or exceeds {@code out.length}
     */
    public int allocateSlabs(long[] out, int count) {
        Objects.checkFromIndexSize(0, count, out.length);
        int got = 0;
        while (true) {
            lock.lock();
            try {
                long now = clock.millis();
                for (Slab slab; got < count && (slab = node.takeWhole()) != null; got++) {
                    stamp(slab, now);
                    out[got] = slab.base;
                }
                if (got == count) {
                    bulk.allocations += (long) count * objects;
                    return count;
                }
            } finally {
                lock.unlock();
            }
            if (addNewSlab()) {
                continue;
            }
            lock.lock();
            try {
                for (int i = 0; i < got; i++) {
                    Slab slab = pageMap.slabAt(out[i]);
                    stamp(slab, Slab.POISON_FREE);
                    node.giveBackWhole(slab);
                }
            } finally {
                lock.unlock();
            }
            failures.addAndGet((long) count * objects);
            chain.allocationFailed(this);
            return 0;
        }
    }

    /**
     * Gives back {@code count} slabs taken by {@link #allocateSlabs}; every address is checked
     * before any slab is freed. Their slots record no lifetimes (a reserve's slots stand for
     * objects whose lifetimes are known otherwise).
     *
     * @throws IllegalArgumentException if an address is not a slab of this cache taken whole, or
     *         is named twice
     */
    public void freeSlabs(long[] bases, int count) {
        Objects.checkFromIndexSize(0, count, bases.length);
        lock.lock();
        try {
            Slab[] slabs = new Slab[count];
            for (int i = 0; i < count; i++) {
                Slab slab = pageMap.slabAt(bases[i]);
                if (slab == null || slab.cache != this || slab.base != bases[i] || !slab.whole) {
                    for (int j = 0; j < i; j++) {
                        slabs[j].whole = true; // refused: nothing freed
                    }
                    throw new IllegalArgumentException("address " + SlotErrors.hex(bases[i])
                            + " is not a slab of cache \"" + name + "\" taken whole, or is named twice");
                }
                slab.whole = false; // so that a second mention in this call is refused
                slabs[i] = slab;
            }
            for (Slab slab : slabs) {
                stamp(slab, Slab.POISON_FREE);
                node.giveBackWhole(slab);
            }
            bulk.frees += (long) count * objects;
        } finally {
            lock.unlock();
        }
    }

    /** Writes {@code record} into every slot of {@code slab}; lock held. */
    private void stamp(Slab slab, long record) {
        for (int i = 0; i < objects; i++) {
            arena.putLong(slab.base + (long) i * size, record);
        }
    }

    /**
     * Gives back {@code count} slots of this cache at once, as the kernel's
     * {@code kmem_cache_free_bulk}: one pass under the cache lock, no magazine; each slot's
     * lifetime is recorded. Every address is checked before any is freed, so a bad one frees
     * nothing.
     *
     * @throws IllegalArgumentException if an address is not a slot of this cache
     * @throws IllegalStateException if a slot is already free, or named twice
     */
    public void freeBulk(long[] addresses, int count) {
        freeBulk(addresses, count, true);
    }

    /**
     * As {@link #freeBulk(long[], int)}, recording the slots' lifetimes only when
     * {@code lifetimes}: slots that stand for objects whose lifetimes are known otherwise (an
     * estimated population, SPEC 2a) give none of their own.
     */
    public void freeBulk(long[] addresses, int count, boolean lifetimes) {
        Objects.checkFromIndexSize(0, count, addresses.length);
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                checkSlot(addresses[i]);
            }
            // Poison every slot by exchange: a slot already free, named twice in the call, or
            // freed by a single free() racing this one (it takes no lock) reads as poisoned;
            // then the records taken so far are put back and the whole call is refused. One
            // pass, no sort: the reserves of estimated caches move thousands of slots at a time.
            long[] records = new long[count];
            for (int i = 0; i < count; i++) {
                records[i] = arena.getAndSetLong(addresses[i], Slab.POISON_FREE);
                if (records[i] == Slab.POISON_FREE) {
                    for (int j = 0; j < i; j++) {
                        arena.putLong(addresses[j], records[j]);
                    }
                    throw SlotErrors.doubleFree(addresses[i], this);
                }
            }
            long now = clock.millis();
            for (int i = 0; i < count; i++) {
                if (lifetimes) {
                    bulk.lifetimes[LifetimeHistogram.index(now - records[i])]++;
                }
                node.giveBack(addresses[i]);
            }
            bulk.frees += count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * When the slot at {@code address}, in use, was handed out (milliseconds of this cache's
     * clock): the allocation record each slot holds (SPEC 3). Read it before freeing the slot.
     */
    public long allocatedAt(long address) {
        checkSlot(address);
        return arena.getLong(address);
    }

    /**
     * Records {@code count} more lifetimes of {@code millis}: a freed slot that stood for
     * {@code count + 1} objects (a watched object's weight, SPEC 2a) gives its lifetime that often.
     */
    public void recordLifetimes(long millis, long count) {
        if (count <= 0) {
            return;
        }
        lock.lock();
        try {
            bulk.lifetimes[LifetimeHistogram.index(millis)] += count;
        } finally {
            lock.unlock();
        }
    }

    /** The clock this cache stamps its slots with, in milliseconds. */
    public long now() {
        return clock.millis();
    }

    /** Refuses an address that is not the start of a slot of this cache; returns its slab. */
    private Slab checkSlot(long address) {
        Slab slab = pageMap.slabAt(address);
        if (slab == null || slab.cache != this) {
            throw SlotErrors.notOfCache(address, this, slab);
        }
        long offset = address - slab.base;
        long index = (offset * indexMultiplier) >>> indexShift; // Reciprocal.divide, inlined
        if (index * size != offset || index >= objects) {
            throw SlotErrors.notASlotStart(address, this, slab, index);
        }
        return slab;
    }

    /**
     * Counts an allocation the caller gave up before asking the cache (a limit of its own, such as
     * a tracker's bound on the heap it uses) as an allocation failure, and tells the listeners, as
     * when the arena is full: the failure count is the number of objects left without a slot.
     */
    public void countRefusal() {
        failures.incrementAndGet();
        chain.allocationFailed(this);
    }

    /** Gives the cache's empty slabs back to the arena; returns the number of pages given back. */
    public long shrink() {
        List<Slab> detached;
        lock.lock();
        try {
            for (Magazine m : liveMagazines) {
                if (m.owner == Thread.currentThread()) {
                    giveBack(m, m.count);
                }
            }
            drainEndedThreads();
            detached = node.detachEmpty();
        } finally {
            lock.unlock();
        }
        return node.release(detached);
    }

    public SlabCacheStats stats() {
        lock.lock();
        try {
            SlabCounters totals = countersLocked();
            rates.sample(clock.millis(), totals.allocations, totals.frees);
            long numSlabs = node.slabs();
            long full = node.full.size();
            long partial = node.partial.size();
            // Frees are read before allocations (countersLocked), so only a slot passed between
            // threads without happens-before (a racy field) could show its free first; at
            // quiescence allocations - frees is exact.
            long active = Math.max(0, totals.allocations - totals.frees);
            return new SlabCacheStats(name, size, objects, pages, active, numSlabs * objects,
                    full + partial, numSlabs, full, partial, node.empty.size(),
                    totals.allocations, totals.frees, failures.get(),
                    rates.allocationRate(), rates.freeRate(), numSlabs * pages * pageSize,
                    active * size, LifetimeHistogram.quantile(totals.lifetimes, 500),
                    LifetimeHistogram.quantile(totals.lifetimes, 990));
        } finally {
            lock.unlock();
        }
    }

    /** Housekeeping: takes back the magazines of ended threads, samples the rates. */
    void maintain() {
        lock.lock();
        try {
            drainEndedThreads();
            SlabCounters totals = countersLocked();
            rates.sample(clock.millis(), totals.allocations, totals.frees);
        } finally {
            lock.unlock();
        }
    }

    /** The arena's reclaim: empty slabs back to the arena, skipped if the lock is busy. */
    long reclaim() {
        if (!lock.tryLock()) {
            return 0;
        }
        List<Slab> detached;
        try {
            detached = node.detachEmpty();
        } finally {
            lock.unlock();
        }
        return node.release(detached);
    }

    /**
     * The allocator closed: every magazine lets go of its slots. A thread's magazine stays in
     * the thread's thread-local map until the map drops the stale entry, which it does lazily;
     * emptied, it costs the thread a few dozen bytes meanwhile, not a magazine of addresses for
     * every cache of every detach.
     */
    void close() {
        lock.lock();
        try {
            for (Magazine m : liveMagazines) {
                m.release();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The calling platform thread's magazine; for tests. */
    Magazine magazineOfThisThread() {
        return magazines.get();
    }

    /** Checks every slab, list, magazine and count; for tests, at quiescence. */
    void validate() {
        lock.lock();
        try {
            new SlabCacheValidator(this, arena, pageMap, node.lists(),
                    liveMagazines, countersLocked()).validate();
        } finally {
            lock.unlock();
        }
    }

    private long allocateSlow(Magazine m) {
        if (!refill(m)) {
            failures.incrementAndGet();
            chain.allocationFailed(this);
            return NO_MEMORY;
        }
        int n = --m.count;
        long address = m.slots[n];
        arena.putLong(address, clock.millis());
        m.countAllocation();
        return address;
    }

    /**
     * Fills the empty magazine with up to half its capacity (one slot without magazines): partial
     * slabs first, then empty ones, then a new slab. The slots are stacked so that they go out in
     * the order they were taken (address order within a fresh slab).
     */
    private boolean refill(Magazine m) {
        int want = Math.max(1, m.capacity / 2);
        while (true) {
            lock.lock();
            try {
                int got = node.take(m.slots, want);
                if (got > 0) {
                    reverse(m.slots, got);
                    m.count = got;
                    return true;
                }
            } finally {
                lock.unlock();
            }
            if (!addNewSlab()) {
                return false;
            }
        }
    }

    /**
     * Takes a new slab from the arena and puts it on the empty list; false when the arena has no
     * block for it. Called without the lock: the arena may run the reclaimer, which takes the
     * cache locks.
     */
    private boolean addNewSlab() {
        Slab fresh = node.newSlab();
        if (fresh == null) {
            return false;
        }
        lock.lock();
        try {
            node.addNew(fresh);
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** A full magazine gives its older half back (or, without magazines, the slot itself). */
    private void freeSlow(Magazine m, long address) {
        lock.lock();
        try {
            if (m.capacity == 0) {
                node.giveBack(address);
                return;
            }
            giveBack(m, Math.max(1, m.capacity / 2));
        } finally {
            lock.unlock();
        }
        m.slots[m.count++] = address;
    }

    /** Gives the {@code count} oldest slots of {@code m} back to their slabs; lock held. */
    private void giveBack(Magazine m, int count) {
        for (int i = 0; i < count; i++) {
            node.giveBack(m.slots[i]);
        }
        System.arraycopy(m.slots, count, m.slots, 0, m.count - count);
        m.count -= count;
    }

    /** Magazines of ended threads: slots back to the slabs, counters into the retired totals. */
    private void drainEndedThreads() {
        for (int i = liveMagazines.size() - 1; i >= 0; i--) {
            Magazine m = liveMagazines.get(i);
            if (m.owner != null && !m.owner.isAlive()) { // happens-after every write of the owner
                giveBack(m, m.count);
                retired.add(m);
                liveMagazines.remove(i);
                if (owned[ownerSlot(m.owner)] == m) {
                    owned[ownerSlot(m.owner)] = null;
                }
            }
        }
    }

    /**
     * Retired totals plus every live magazine; lock held. Frees are read before allocations (all
     * acquire loads of release stores), so every free seen has its allocation seen too.
     */
    private SlabCounters countersLocked() {
        SlabCounters totals = new SlabCounters();
        totals.addAll(retired);
        totals.addAll(bulk);
        for (Magazine m : liveMagazines) {
            totals.frees += m.frees();
            m.addLifetimesTo(totals.lifetimes);
        }
        for (Magazine m : liveMagazines) {
            totals.allocations += m.allocations();
        }
        return totals;
    }

    private long allocateStriped(Thread self) {
        Stripe s = lockStripe(self);
        try {
            return allocate(s.magazine);
        } finally {
            s.lock.unlock();
        }
    }

    private void freeStriped(Thread self, long address, long lifetime) {
        Stripe s = lockStripe(self);
        try {
            free(s.magazine, address, lifetime);
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * The first stripe from the thread's own (by thread id) whose lock is free, locked; the
     * thread's own, waited for, only when every stripe is busy. A virtual thread that waits for a
     * lock parks, which costs microseconds, and any stripe's magazine serves as well as another.
     */
    @SuppressWarnings("deprecation") // Thread.threadId() only from JDK 19
    private Stripe lockStripe(Thread self) {
        int home = (int) self.getId();
        for (int i = 0; i < STRIPES; i++) {
            Stripe s = stripe((home + i) & (STRIPES - 1));
            if (s.lock.tryLock()) {
                return s;
            }
        }
        Stripe s = stripe(home & (STRIPES - 1));
        s.lock.lock();
        return s;
    }

    private Stripe stripe(int i) {
        Stripe s = stripes[i];
        if (s != null) {
            return s; // a Stripe's final fields are safe to read through the race
        }
        lock.lock();
        try {
            if (stripes[i] == null) {
                Stripe made = new Stripe(new Magazine(null, magazineCapacity));
                liveMagazines.add(made.magazine);
                stripes[i] = made;
            }
            return stripes[i];
        } finally {
            lock.unlock();
        }
    }

    /** A magazine shared by the virtual threads of one stripe, used under its own lock. */
    private static final class Stripe {
        final Magazine magazine;
        // A ReentrantLock, not synchronized: a virtual thread holding it must not pin its carrier.
        final ReentrantLock lock = new ReentrantLock();

        Stripe(Magazine magazine) {
            this.magazine = magazine;
        }
    }

    @SuppressWarnings("deprecation")
    private static int ownerSlot(Thread thread) {
        return (int) thread.getId() & (OWNERS - 1);
    }

    private Magazine newMagazine() {
        Magazine m = new Magazine(Thread.currentThread(), magazineCapacity);
        lock.lock();
        try {
            liveMagazines.add(m);
            int slot = ownerSlot(m.owner);
            if (owned[slot] == null) {
                owned[slot] = m;
            }
        } finally {
            lock.unlock();
        }
        return m;
    }

    private static void reverse(long[] a, int length) {
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return "SlabCache[" + name + ", " + size + " bytes, " + objects + " per slab of "
                + pages + " pages]";
    }
}
