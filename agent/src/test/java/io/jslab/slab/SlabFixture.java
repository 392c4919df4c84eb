package io.jslab.slab;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.ArenaValidator;
import io.jslab.arena.BuddyArena;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens allocators for a test and, after it, validates each one: every cache's invariants
 * ({@link SlabCacheValidator}), the arena's ({@link ArenaValidator}), and that the arena's
 * allocated pages are exactly the pages of the caches' slabs. Then closes them.
 */
final class SlabFixture implements AfterEachCallback {

    /** 4 KiB pages, order-10 chunks (4 MiB), at most 4 chunks. */
    static final ArenaConfig SMALL = new ArenaConfig(4096, 10, 16L << 20);

    private final List<SlabAllocator> allocators = new ArrayList<>();

    /** Two cpus (min_objects 12), magazines of the default size, the coarse clock. */
    SlabAllocator open() {
        return open(SMALL, 2, null, SlabCache.MAGAZINE_LIMIT);
    }

    /** Two cpus, no magazines: every allocation and free moves slab counts at once. */
    SlabAllocator openWithoutMagazines(MillisClock clock) {
        return open(SMALL, 2, clock, 0);
    }

    SlabAllocator open(ArenaConfig config, int cpus, MillisClock clock, int magazineLimit) {
        SlabAllocator allocator = new SlabAllocator(new BuddyArena(config), cpus, clock, magazineLimit);
        allocators.add(allocator);
        return allocator;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (SlabAllocator allocator : allocators) {
                validate(allocator);
            }
        } finally {
            allocators.forEach(SlabAllocator::close);
            allocators.clear();
        }
    }

    static void validate(SlabAllocator allocator) {
        if (allocator.isClosed()) {
            return;
        }
        BuddyArena arena = allocator.arena();
        allocator.validate();
        ArenaValidator.validate(arena);
        long slabPages = 0;
        for (SlabCacheStats stats : allocator.stats()) {
            slabPages += stats.numSlabs() * stats.pagesPerSlab();
        }
        long allocated = ArenaValidator.allocatedPages(arena);
        if (allocated != slabPages) {
            throw new AssertionError("arena has " + allocated + " pages allocated, slabs hold "
                    + slabPages);
        }
    }
}
