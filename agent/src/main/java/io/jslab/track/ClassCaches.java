package io.jslab.track;

import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Maps each tracked class to its slab cache and its {@link Tally}, both created at the class's
 * first construction.
 *
 * <p>A {@link ClassValue} holds a small {@link Entry} per class rather than the cache itself:
 * {@code computeValue} may run on several threads at once with one result kept, so it must
 * create nothing; the entry creates the cache at most once, under this object's lock. Classes
 * whose cache cannot be made (a name with white space, an object too large for a slab) are
 * reported once and left untracked.
 *
 * <p>Names: the cache name the class asks for ({@link CacheSpec}); when a cache of that name
 * exists already (another class of the same name from another loader, another class asking for
 * the same cache name, a cache made through the direct API) the class gets {@code name#2}, then
 * {@code name#3}, and so on.
 */
final class ClassCaches {

    private final SlabAllocator allocator;
    private final ToLongFunction<Object> objectSize;
    private final ErrorSink errors;
    private volatile Predicate<Class<?>> exact;
    private final long windowLimit;
    private final ConstructionCounts counts;
    private final List<Tally> tallies = new CopyOnWriteArrayList<>();
    private final List<Entry> made = new CopyOnWriteArrayList<>(); // entries given a tally
    private final Map<SlabCache, Tally> byCache = new ConcurrentHashMap<>();
    private final ClassValue<Entry> entries = new ClassValue<>() {
        @Override
        protected Entry computeValue(Class<?> type) {
            return new Entry();
        }
    };

    ClassCaches(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors) {
        this(allocator, objectSize, errors, type -> false, Long.MAX_VALUE, new ConstructionCounts());
    }

    /**
     * As above; classes {@code exact} accepts are watched entirely from their first object, and
     * each class watches at most {@code windowLimit} objects between two runs of the controller
     * before its weight doubles; their constructions are counted in {@code counts}.
     */
    ClassCaches(SlabAllocator allocator, ToLongFunction<Object> objectSize, ErrorSink errors,
                Predicate<Class<?>> exact, long windowLimit, ConstructionCounts counts) {
        this.windowLimit = windowLimit;
        this.counts = counts;
        this.allocator = allocator;
        this.objectSize = objectSize;
        this.errors = errors;
        this.exact = exact;
    }

    /** The tally of {@code type}, made with its cache from {@code firstObject} if needed; null if it cannot be. */
    Tally tallyFor(Object firstObject, Class<?> type) {
        Entry entry = entries.get(type);
        Tally tally = entry.tally;
        return tally != null || entry.failed ? tally : create(entry, firstObject, type);
    }

    /** The cache of {@code type}, created from {@code firstObject} if needed; null if it cannot be. */
    SlabCache cacheFor(Object firstObject, Class<?> type) {
        Tally tally = tallyFor(firstObject, type);
        return tally == null ? null : tally.cache;
    }

    /** The tally of {@code type} if one was made, without making one. */
    Tally existing(Class<?> type) {
        return entries.get(type).tally;
    }

    /** The tally whose cache is {@code cache}, or null (a cache of the direct API). */
    Tally of(SlabCache cache) {
        return cache == null ? null : byCache.get(cache);
    }

    /**
     * From now on, the classes {@code byName} accepts are watched entirely, those it refuses go
     * back to the budget; classes not constructed yet follow it when they are.
     */
    void exactClasses(Predicate<String> byName) {
        exact = type -> byName.test(type.getName());
        for (Tally t : tallies) {
            t.forcedExact(byName.test(t.className));
        }
    }

    /**
     * The tracker closed: each class's entry lets go of its tally. A {@link ClassValue}'s values
     * stay reachable from their classes until the JVM happens to drop them (the class's value
     * map cleans up lazily), so an entry that kept its tally would keep the closed tracker's
     * caches and allocator alive for as long as the class lives, one more after every detach.
     */
    void close() {
        for (Entry entry : made) {
            entry.failed = true;
            entry.tally = null;
        }
        made.clear();
    }

    /** Every tally made so far, in the order they were made. */
    List<Tally> tallies() {
        return tallies;
    }

    private Tally create(Entry entry, Object firstObject, Class<?> type) {
        // Size and annotation are read outside the lock: reading annotations may initialize
        // classes, whose initializers may construct tracked objects on another thread.
        CacheSpec spec;
        int size;
        try {
            spec = CacheSpec.of(type);
            long bytes = objectSize.applyAsLong(firstObject);
            if (bytes < 1 || bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("object size " + bytes + " is out of range");
            }
            size = (int) bytes;
        } catch (Throwable t) {
            return fail(entry, type, t);
        }
        boolean exactly;
        try {
            exactly = exact.test(type);
        } catch (Throwable t) {
            return fail(entry, type, t);
        }
        synchronized (this) {
            if (entry.tally != null || entry.failed) {
                return entry.tally;
            }
            try {
                String name = spec.name();
                for (int n = 2; allocator.cache(name) != null; n++) {
                    name = spec.name() + "#" + n;
                }
                SlabCache cache = allocator.createCache(name, size, spec.hwcacheAlign());
                Tally tally = new Tally(cache, type.getName(), exactly, windowLimit, counts);
                byCache.put(cache, tally);
                tallies.add(tally);
                entry.tally = tally;
                made.add(entry);
                return tally;
            } catch (Throwable t) {
                return fail(entry, type, t);
            }
        }
    }

    private Tally fail(Entry entry, Class<?> type, Throwable t) {
        synchronized (this) {
            if (entry.tally != null || entry.failed) {
                return entry.tally;
            }
            entry.failed = true;
        }
        errors.error("cannot create a slab cache for class " + type.getName(), t);
        return null;
    }

    private static final class Entry {
        // Written once under the ClassCaches lock, read on every construction without it.
        volatile Tally tally;
        volatile boolean failed;
    }
}
