package io.jslab.track;

import io.jslab.arena.ArenaConfig;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;

/**
 * Makes a tracker's {@link SlotRef}s and frees their slots.
 *
 * <p>The layout is chosen once, from the whole address space the arena may ever use,
 * {@code [0, maxChunks * chunkBytes)}: its highest slot address is 8 bytes below the end. When
 * that address fits the compact record ({@link SlotRef.Compact#MAX_ADDRESS}, 32 GiB - 16), every
 * record is compact; from an arena of 32 GiB up, every record is wide (the compact form of the
 * address 32 GiB - 8 would be the "freed" value).
 *
 * <p>Freeing: the record's {@link SlotRef#take} decides who frees, then {@link SlabAllocator#kfree}
 * finds the slot's cache through the page map in one lookup.
 *
 * <p>Settling, what every sweep does with each record it walks ({@link #settle}):
 *
 * <pre>
 *   refers to its object         -> KEEP   (the object may still be alive)
 *   cleared, slot still held     -> FREED  (this call freed the slot; drop the record)
 *   cleared, slot already freed  -> DROP   (another sweep, or failedSink, freed it)
 * </pre>
 */
final class SlotRecords {

    /** {@link #settle} results: keep the record; drop it; drop it, this call freed its slot. */
    static final int KEEP = 0;
    static final int DROP = 1;
    static final int FREED = 2;

    /** Told of every slot a record gives back, with the record: the tally takes it out of its estimate. */
    interface FreeListener {
        void freed(SlabCache cache, SlotRef ref);
    }

    private static final FreeListener NOBODY = (cache, ref) -> { };

    private final SlabAllocator allocator;
    private final ErrorSink errors;
    private final FreeListener onFree;
    private final boolean compact;

    SlotRecords(SlabAllocator allocator, ErrorSink errors) {
        this(allocator, errors, NOBODY);
    }

    SlotRecords(SlabAllocator allocator, ErrorSink errors, FreeListener onFree) {
        this.allocator = allocator;
        this.errors = errors;
        this.onFree = onFree;
        this.compact = fitsCompact(allocator.arena().config());
    }

    /** Whether every slot of an arena of {@code config}'s shape has a compact record. */
    static boolean fitsCompact(ArenaConfig config) {
        return fitsCompact((long) config.maxChunks() * config.chunkBytes());
    }

    /** Whether every slot address below {@code end} (a multiple of 8) has a compact record. */
    static boolean fitsCompact(long end) {
        return end - 8 <= SlotRef.Compact.MAX_ADDRESS;
    }

    boolean compact() {
        return compact;
    }

    /** The record of {@code referent}, which holds the slot at {@code address}, of weight 1. */
    SlotRef record(Object referent, long address) {
        return record(referent, address, 1, 0);
    }

    /** The record of a watched object standing for {@code weight} constructions of {@code epoch}. */
    SlotRef record(Object referent, long address, int weight, int epoch) {
        return compact ? new SlotRef.Compact(referent, address, weight, epoch)
                : new SlotRef.Wide(referent, address, weight, epoch);
    }

    /**
     * What becomes of {@code ref} in a sweep: {@link #KEEP} while it refers to its object; once
     * the collector cleared it, frees its slot ({@link #release}) and returns {@link #FREED}, or
     * {@link #DROP} when somebody freed it before.
     */
    int settle(SlotRef ref) {
        if (!ref.refersTo(null)) {
            return KEEP;
        }
        return release(ref) ? FREED : DROP;
    }

    /**
     * Frees the record's slot unless somebody already did; returns whether this call freed it. A
     * refusal of the slab layer (a bug) goes to the error sink, naming the address and its cache.
     */
    boolean release(SlotRef ref) {
        long address = ref.take();
        if (address == SlotRef.FREED) {
            return false;
        }
        try {
            SlabCache cache = allocator.cacheAt(address); // before the free may give the slab back
            long born = cache != null && ref.weight > 1 ? cache.allocatedAt(address) : 0;
            allocator.kfree(address);
            if (cache != null) {
                if (ref.weight > 1) {
                    // The free recorded one lifetime; the object stands for weight of them.
                    cache.recordLifetimes(cache.now() - born, ref.weight - 1L);
                }
                onFree.freed(cache, ref);
            }
            return true;
        } catch (RuntimeException e) {
            errors.error("cannot free the tracked slot at 0x" + Long.toHexString(address)
                    + ofCache(address), e);
            return false;
        }
    }

    private String ofCache(long address) {
        SlabCache cache = allocator.cacheAt(address);
        return cache == null ? " (no cache holds it)" : " of cache " + cache.name();
    }
}
