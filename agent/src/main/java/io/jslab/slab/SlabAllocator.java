package io.jslab.slab;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.text.BuddyinfoText;
import io.jslab.text.SlabinfoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The cache chain: every slab cache over one {@link BuddyArena}, the generic {@code kmalloc-*}
 * caches, and the slabinfo and buddyinfo texts (the kernel's {@code slab_caches} list and
 * {@code mm/slab_common.c}).
 *
 * <pre>
 *   SlabAllocator --&gt; caches, in creation order:  [ kmalloc-64 ][ com.acme.Order ][ ... ]
 *        |                                            | slabs of 2^order pages
 *        |--&gt; PageMap: arena page -&gt; slab -&gt; cache   (kfree finds a slot's cache)
 *        `--&gt; BuddyArena <-- Reclaimer: each cache's empty slabs, if its lock is free at once
 * </pre>
 *
 * <p>kmalloc: a request of n bytes (1 to 8192) goes to {@code kmalloc-N}, N the smallest power of
 * two from 8 up that holds n; each of these caches is made the first time it is needed.
 *
 * <p>Direct use:
 * <pre>{@code
 * try (SlabAllocator slabs = new SlabAllocator(new BuddyArena(ArenaConfig.DEFAULT))) {
 *     SlabCache orders = slabs.createCache("order", 48, false);
 *     long slot = orders.allocate();          // SlabCache.NO_MEMORY if the arena is exhausted
 *     orders.free(slot);
 *     long buffer = slabs.kmalloc(100);        // from kmalloc-128
 *     slabs.kfree(buffer);
 *     System.out.print(slabs.slabinfo());
 * }
 * }</pre>
 *
 * <p>Sources: Linux {@code mm/slab_common.c} (the cache chain, kmalloc caches, slabinfo),
 * {@code mm/slub.c}; Bonwick 1994.
 */
public final class SlabAllocator implements AutoCloseable {

    /** The largest size {@link #kmalloc} serves: the {@code kmalloc-8192} cache. */
    public static final int KMALLOC_MAX_SIZE = 8192;

    private static final int KMALLOC_MIN_SHIFT = 3;
    private static final int KMALLOC_MAX_SHIFT = 13;

    private final BuddyArena arena;
    private final int cpus;
    private final MillisClock clock;
    private final int magazineLimit;
    private final PageMap pageMap;
    private final Map<String, SlabCache> byName = new ConcurrentHashMap<>();
    private final List<SlabCache> caches = new CopyOnWriteArrayList<>();
    private final AtomicReferenceArray<SlabCache> kmallocCaches =
            new AtomicReferenceArray<>(KMALLOC_MAX_SHIFT + 1);
    private final List<SlabListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A chain over {@code arena}, sizing slabs for this machine's processor count. */
    public SlabAllocator(BuddyArena arena) {
        this(arena, Runtime.getRuntime().availableProcessors());
    }

    /** A chain over {@code arena}, sizing slabs as for {@code cpus} processors (SLUB's min_objects). */
    public SlabAllocator(BuddyArena arena, int cpus) {
        this(arena, cpus, null, SlabCache.MAGAZINE_LIMIT);
    }

    /**
     * For tests: a clock of their own ({@code null}: the coarse clock), and the most slots a
     * thread's magazine holds (0: no magazines, every allocation and free under the cache lock).
     */
    SlabAllocator(BuddyArena arena, int cpus, MillisClock clock, int magazineLimit) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus " + cpus + " must be at least 1");
        }
        this.arena = arena;
        this.cpus = cpus;
        this.clock = clock != null ? clock : CoarseClock.get();
        this.magazineLimit = magazineLimit;
        ArenaConfig config = arena.config();
        this.pageMap = new PageMap(config.pageSize(), config.maxOrder(), config.maxChunks());
        arena.setReclaimer(this::reclaim);
        arena.addGrowthListener(chunks -> fire(l -> l.arenaGrown(chunks)));
    }

    public BuddyArena arena() {
        return arena;
    }

    /**
     * Creates a cache of slots of {@code objectSize} bytes, rounded up to 8 bytes, or to 64 when
     * {@code hwcacheAlign}; its slab order follows SLUB's {@code calculate_order}.
     *
     * @throws IllegalArgumentException if the name is taken or empty or holds white space, or the
     *         size is below 1 or above what a slab of the arena's largest block can hold
     */
    public SlabCache createCache(String name, int objectSize, boolean hwcacheAlign) {
        SlabCache cache;
        synchronized (this) {
            cache = createLocked(name, objectSize, hwcacheAlign);
        }
        fire(l -> l.cacheCreated(cache));
        return cache;
    }

    /** Checks and registers a new cache; the caller holds this chain's monitor. */
    private SlabCache createLocked(String name, int objectSize, boolean hwcacheAlign) {
        checkName(name);
        ArenaConfig config = arena.config();
        long maxSize = config.chunkBytes();
        if (objectSize < 1 || objectSize > maxSize) {
            throw new IllegalArgumentException("object size " + objectSize + " of cache \"" + name
                    + "\" is out of range: accepted 1 to " + maxSize
                    + " bytes (one slab of the arena's largest block)");
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("cache name \"" + name + "\" is taken");
        }
        int align = hwcacheAlign ? 64 : 8;
        int size = (int) (((long) objectSize + align - 1) & -align);
        int order = SlabOrder.calculate(size, config.pageSize(), cpus, config.maxOrder());
        SlabCache cache = new SlabCache(this, name, size, align, order, magazineLimit);
        byName.put(name, cache);
        caches.add(cache);
        return cache;
    }

    /** The cache of that name, or {@code null}. */
    public SlabCache cache(String name) {
        return name == null ? null : byName.get(name);
    }

    /** Every cache, in the order they were created. */
    public List<SlabCache> caches() {
        return List.copyOf(caches);
    }

    /** A snapshot of every cache, in creation order: the rows of {@link #slabinfo()}. */
    public List<SlabCacheStats> stats() {
        List<SlabCacheStats> rows = new ArrayList<>();
        for (SlabCache cache : caches) {
            rows.add(cache.stats());
        }
        return rows;
    }

    /**
     * Allocates {@code size} bytes from the smallest {@code kmalloc-N} cache that fits, creating
     * it the first time, as the kernel's {@code kmalloc} picks a {@code kmalloc-N} cache by size.
     *
     * @return the slot's address, or {@link SlabCache#NO_MEMORY}
     * @throws IllegalArgumentException if {@code size} is below 1 or above {@link #KMALLOC_MAX_SIZE}
     */
    public long kmalloc(int size) {
        return kmallocCache(size).allocate();
    }

    /** The {@code kmalloc-N} cache that serves {@code size} bytes, made if need be. */
    public SlabCache kmallocCache(int size) {
        if (size < 1 || size > KMALLOC_MAX_SIZE) {
            throw new IllegalArgumentException("kmalloc size " + size
                    + " is out of range: accepted 1 to " + KMALLOC_MAX_SIZE + " bytes");
        }
        int shift = Math.max(KMALLOC_MIN_SHIFT, 32 - Integer.numberOfLeadingZeros(size - 1));
        SlabCache cache = kmallocCaches.get(shift);
        return cache != null ? cache : createKmallocCache(shift);
    }

    private SlabCache createKmallocCache(int shift) {
        String name = "kmalloc-" + (1 << shift);
        SlabCache cache;
        boolean created = false;
        synchronized (this) {
            cache = kmallocCaches.get(shift);
            if (cache == null) {
                cache = byName.get(name);
                if (cache == null || cache.objectSize() != 1 << shift) {
                    cache = createLocked(name, 1 << shift, false);
                    created = true;
                }
                kmallocCaches.set(shift, cache);
            }
        }
        if (created) {
            SlabCache made = cache;
            fire(l -> l.cacheCreated(made));
        }
        return cache;
    }

    /**
     * Frees a slot of any cache of this chain, found by its address, as the kernel's {@code kfree}:
     * one page-map lookup finds the slab, and with it the cache.
     *
     * @throws IllegalArgumentException if the address is not a slot of this chain
     * @throws IllegalStateException if the slot is already free
     */
    public void kfree(long address) {
        Slab slab = pageMap.slabAt(address);
        if (slab == null) {
            throw SlotErrors.notOfChain(address);
        }
        slab.cache.free(slab, address);
    }

    /**
     * The cache whose slab covers {@code address}, or {@code null}: the kernel's
     * {@code virt_to_cache}. For messages about an address: the answer may be stale by the time
     * it is read if another thread frees the slab meanwhile.
     */
    public SlabCache cacheAt(long address) {
        Slab slab = pageMap.slabAt(address);
        return slab == null ? null : slab.cache;
    }

    /** Shrinks every cache; returns the pages given back to the arena. */
    public long shrink() {
        long pages = 0;
        for (SlabCache cache : caches) {
            pages += cache.shrink();
        }
        return pages;
    }

    /**
     * Housekeeping, once a second or so: samples the rates and takes back the slots held by
     * threads that have ended. Reading statistics also samples when a second has passed.
     */
    public void maintain() {
        for (SlabCache cache : caches) {
            cache.maintain();
        }
    }

    public void addListener(SlabListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** The {@code /proc/slabinfo} text, version 2.1, one row per cache in creation order. */
    public String slabinfo() {
        return SlabinfoText.format(stats());
    }

    /** The {@code /proc/buddyinfo} line of the arena. */
    public String buddyinfo() {
        return BuddyinfoText.format(arena.stats());
    }

    /** Closes the arena and lets go of the coarse clock; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        arena.close();
        for (SlabCache cache : caches) {
            cache.close();
        }
        if (clock instanceof CoarseClock coarse) {
            coarse.release();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Checks every cache's invariants (tests, at quiescence); throws AssertionError. */
    void validate() {
        for (SlabCache cache : caches) {
            cache.validate();
        }
    }

    PageMap pageMap() {
        return pageMap;
    }

    MillisClock clock() {
        return clock;
    }

    void allocationFailed(SlabCache cache) {
        fire(l -> l.allocationFailed(cache));
    }

    /** The arena's reclaimer: may run with a caller's locks held, so it only tries cache locks. */
    private long reclaim() {
        long pages = 0;
        for (SlabCache cache : caches) {
            pages += cache.reclaim();
        }
        return pages;
    }

    /**
     * Listeners are told outside every allocator lock. One that throws is skipped: the error
     * must not reach the thread that was allocating, which may be running someone else's code.
     */
    private void fire(Consumer<SlabListener> event) {
        for (SlabListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException ignored) {
                // see above: the allocating caller is not the listener's caller
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cache name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                throw new IllegalArgumentException("cache name \"" + name
                        + "\" holds white space: slabinfo separates its columns with spaces");
            }
        }
    }
}
