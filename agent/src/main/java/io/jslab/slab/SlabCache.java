package io.jslab.slab;

import io.jslab.arena.BuddyArena;
import java.util.ArrayList;
import java.util.List;
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
 * </pre>
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
 *       first, then the empty ones, lowest index first, and hand out the first of them.
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
 *   <li>Read the slot record: the poison means a double free. Write the poison; record the
 *       lifetime (now minus the record) and count the free in the magazine.
 *   <li>Push the address onto the magazine; a full magazine first gives its older half back to
 *       the slabs under the cache lock, moving each slab to the list its new count calls for.
 * </ol>
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
    private final Reciprocal slotIndex;
    private final int magazineCapacity;
    private final ThreadLocal<Magazine> magazines = ThreadLocal.withInitial(this::newMagazine);
    private final AtomicLong failures = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private final SlabList full = new SlabList("full");
    private final SlabList partial = new SlabList("partial");
    private final SlabList empty = new SlabList("empty");
    private final List<Magazine> liveMagazines = new ArrayList<>();
    private final SlabCounters retired = new SlabCounters();
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
        this.slotIndex = new Reciprocal(size);
        this.magazineCapacity = magazineLimit == 0 ? 0
                : Math.max(2, Math.min(magazineLimit, objects));
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

    /**
     * Hands out a free slot and writes its allocation record (the construction time).
     *
     * @return the slot's arena address, or {@link #NO_MEMORY} (counted as an allocation failure)
     */
    public long allocate() {
        Magazine m = magazines.get();
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
        long offset = address - slab.base;
        long index = slotIndex.divide(offset);
        if (index * size != offset || index >= objects) {
            throw SlotErrors.notASlotStart(address, this, slab, index);
        }
        long record = arena.getLong(address);
        if (record == Slab.POISON_FREE) {
            throw SlotErrors.doubleFree(address, this);
        }
        arena.putLong(address, Slab.POISON_FREE);
        Magazine m = magazines.get();
        m.countFree(clock.millis() - record);
        int n = m.count;
        if (n == m.capacity) {
            freeSlow(m, address);
            return;
        }
        m.slots[n] = address;
        m.count = n + 1;
    }

    /** Gives the cache's empty slabs back to the arena; returns the number of pages given back. */
    public long shrink() {
        List<Slab> released;
        lock.lock();
        try {
            for (Magazine m : liveMagazines) {
                if (m.owner == Thread.currentThread()) {
                    giveBack(m, m.count);
                }
            }
            drainEndedThreads();
            released = detachEmptySlabs();
        } finally {
            lock.unlock();
        }
        return release(released);
    }

    public SlabCacheStats stats() {
        lock.lock();
        try {
            SlabCounters totals = countersLocked();
            rates.sample(clock.millis(), totals.allocations, totals.frees);
            long numSlabs = full.size() + partial.size() + empty.size();
            long active = Math.max(0, totals.allocations - totals.frees);
            return new SlabCacheStats(name, size, objects, pages, active, numSlabs * objects,
                    full.size() + partial.size(), numSlabs, full.size(), partial.size(),
                    empty.size(), totals.allocations, totals.frees, failures.get(),
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
        List<Slab> released;
        try {
            released = detachEmptySlabs();
        } finally {
            lock.unlock();
        }
        return release(released);
    }

    /** Checks every slab, list, magazine and count; for tests, at quiescence. */
    void validate() {
        lock.lock();
        try {
            new SlabCacheValidator(this, arena, pageMap, List.of(full, partial, empty),
                    liveMagazines, countersLocked()).validate();
        } finally {
            lock.unlock();
        }
    }

    private long allocateSlow(Magazine m) {
        long address = refill(m);
        if (address == NO_MEMORY) {
            failures.incrementAndGet();
            chain.allocationFailed(this);
            return NO_MEMORY;
        }
        arena.putLong(address, clock.millis());
        m.countAllocation();
        return address;
    }

    /**
     * Takes up to half a magazine of slots (one without magazines), partial slabs first, then
     * empty ones, then a new slab; returns the first and leaves the rest in the magazine so that
     * they go out in address order.
     */
    private long refill(Magazine m) {
        int want = Math.max(1, m.capacity / 2);
        while (true) {
            lock.lock();
            try {
                int got = 0;
                long first = NO_MEMORY;
                while (got < want) {
                    Slab slab = partial.head() != null ? partial.head() : empty.head();
                    if (slab == null) {
                        break;
                    }
                    long address = slab.base + (long) slab.pop() * size;
                    relist(slab);
                    if (got == 0) {
                        first = address;
                    } else {
                        m.slots[m.count++] = address;
                    }
                    got++;
                }
                if (got > 0) {
                    reverse(m.slots, m.count - (got - 1), m.count);
                    return first;
                }
            } finally {
                lock.unlock();
            }
            Slab fresh = newSlab();
            if (fresh == null) {
                return NO_MEMORY;
            }
            lock.lock();
            try {
                empty.addFirst(fresh);
            } finally {
                lock.unlock();
            }
        }
    }

    /** A full magazine gives its older half back (or, without magazines, the slot itself). */
    private void freeSlow(Magazine m, long address) {
        lock.lock();
        try {
            if (m.capacity == 0) {
                giveBack(address);
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
            giveBack(m.slots[i]);
        }
        System.arraycopy(m.slots, count, m.slots, 0, m.count - count);
        m.count -= count;
    }

    private void giveBack(long address) {
        Slab slab = pageMap.slabAt(address);
        slab.push((int) slotIndex.divide(address - slab.base));
        relist(slab);
    }

    /** Moves a slab to the list its free count calls for; lock held. */
    private void relist(Slab slab) {
        SlabList target = slab.isFull() ? full : slab.isEmpty() ? empty : partial;
        if (slab.list != target) {
            if (slab.list != null) {
                slab.list.remove(slab);
            }
            target.addFirst(slab);
        }
    }

    /** A new slab, every slot poisoned and every page mapped; null if the arena has no block. */
    private Slab newSlab() {
        long base = arena.allocate(order);
        if (base == BuddyArena.NO_MEMORY) {
            return null;
        }
        for (int i = 0; i < objects; i++) {
            arena.putLong(base + (long) i * size, Slab.POISON_FREE);
        }
        Slab slab = new Slab(this, base, objects);
        pageMap.map(slab, pages);
        return slab;
    }

    private List<Slab> detachEmptySlabs() {
        List<Slab> released = new ArrayList<>();
        for (Slab slab = empty.pollFirst(); slab != null; slab = empty.pollFirst()) {
            pageMap.unmap(slab, pages);
            released.add(slab);
        }
        return released;
    }

    /** Frees detached slabs' blocks to the arena, outside the cache lock; returns pages freed. */
    private long release(List<Slab> released) {
        for (Slab slab : released) {
            arena.free(slab.base);
        }
        return (long) released.size() * pages;
    }

    /** Magazines of ended threads: slots back to the slabs, counters into the retired totals. */
    private void drainEndedThreads() {
        for (int i = liveMagazines.size() - 1; i >= 0; i--) {
            Magazine m = liveMagazines.get(i);
            if (!m.owner.isAlive()) { // happens-after every write of the ended owner
                giveBack(m, m.count);
                retired.add(m);
                liveMagazines.remove(i);
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
        for (Magazine m : liveMagazines) {
            totals.frees += m.frees();
            m.addLifetimesTo(totals.lifetimes);
        }
        for (Magazine m : liveMagazines) {
            totals.allocations += m.allocations();
        }
        return totals;
    }

    private Magazine newMagazine() {
        Magazine m = new Magazine(Thread.currentThread(), magazineCapacity);
        lock.lock();
        try {
            liveMagazines.add(m);
        } finally {
            lock.unlock();
        }
        return m;
    }

    private static void reverse(long[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
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
