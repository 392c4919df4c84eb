package io.jslab.slab;

import io.jslab.arena.BuddyArena;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks one cache at quiescence (no thread allocating or freeing in it) and throws an
 * {@link AssertionError} describing the first broken invariant:
 * <ol>
 *   <li>every slab is on the list its state calls for, the lists' sizes are their lengths;
 *   <li>a slab's free indices are distinct and in range; free + used = objperslab;
 *   <li>every free slot, in a slab or a magazine, holds the poison; a slot handed out does not;
 *   <li>every page of a slab maps to it;
 *   <li>magazines hold distinct slots of this cache that their slabs count as used;
 *   <li>slots used by the slabs = slots handed out (allocations - frees) + slots in magazines.
 * </ol>
 */
final class SlabCacheValidator {

    private final SlabCache cache;
    private final BuddyArena arena;
    private final PageMap pageMap;
    private final List<SlabList> lists;
    private final List<Magazine> magazines;
    private final SlabCounters counters;

    SlabCacheValidator(SlabCache cache, BuddyArena arena, PageMap pageMap, List<SlabList> lists,
                       List<Magazine> magazines, SlabCounters counters) {
        this.cache = cache;
        this.arena = arena;
        this.pageMap = pageMap;
        this.lists = lists;
        this.magazines = magazines;
        this.counters = counters;
    }

    void validate() {
        int size = cache.objectSize();
        int objects = cache.objectsPerSlab();
        Set<Long> magazineSlots = new HashSet<>();
        for (Magazine m : magazines) {
            for (int i = 0; i < m.count; i++) {
                long address = m.slots[i];
                Slab slab = pageMap.slabAt(address);
                if (slab == null || slab.cache != cache || !magazineSlots.add(address)
                        || arena.getLong(address) != Slab.POISON_FREE) {
                    throw new AssertionError(cache.name() + ": magazine of " + (m.owner == null ? "a virtual-thread stripe" : m.owner.getName())
                            + " holds bad slot " + SlotErrors.hex(address));
                }
            }
        }
        long usedBySlabs = 0;
        for (SlabList list : lists) {
            long length = 0;
            for (Slab slab = list.head(); slab != null; slab = slab.next) {
                length++;
                check(slab.list == list, slab, "thinks it is on " + slab.list);
                String state = slab.isFull() ? "full" : slab.isEmpty() ? "empty" : "partial";
                check(state.equals(list.name), slab, "is " + state + " but on the " + list.name
                        + " list");
                boolean[] isFree = new boolean[objects];
                for (int index : slab.freeIndices()) {
                    check(index >= 0 && index < objects, slab, "free index " + index + " out of range");
                    check(!isFree[index], slab, "free index " + index + " twice");
                    isFree[index] = true;
                }
                check(slab.freeCount() + slab.inUse() == objects, slab, "free " + slab.freeCount()
                        + " + used " + slab.inUse() + " != " + objects);
                for (int i = 0; i < objects; i++) {
                    long address = slab.base + (long) i * size;
                    boolean poisoned = arena.getLong(address) == Slab.POISON_FREE;
                    boolean inMagazine = magazineSlots.contains(address);
                    if (isFree[i]) {
                        check(poisoned, slab, "free slot " + i + " not poisoned");
                        check(!inMagazine, slab, "free slot " + i + " also in a magazine");
                    } else {
                        check(poisoned == inMagazine, slab, "used slot " + i + (poisoned
                                ? " holds the poison but sits in no magazine"
                                : " sits in a magazine without the poison"));
                    }
                }
                for (int p = 0; p < cache.pagesPerSlab(); p++) {
                    long page = slab.base + (long) p * arena.config().pageSize();
                    check(pageMap.slabAt(page) == slab, slab, "page " + p + " not mapped to it");
                }
                usedBySlabs += slab.inUse();
            }
            if (length != list.size()) {
                throw new AssertionError(cache.name() + ": " + list.name + " list has " + length
                        + " slabs but counts " + list.size());
            }
        }
        long handedOut = counters.allocations - counters.frees;
        if (usedBySlabs != handedOut + magazineSlots.size()) {
            throw new AssertionError(cache.name() + ": slabs count " + usedBySlabs
                    + " slots used, but " + handedOut + " are handed out and " + magazineSlots.size()
                    + " sit in magazines");
        }
    }

    private void check(boolean ok, Slab slab, String what) {
        if (!ok) {
            throw new AssertionError(cache.name() + ": slab at " + SlotErrors.hex(slab.base) + " "
                    + what);
        }
    }
}
