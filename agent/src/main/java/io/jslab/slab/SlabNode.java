package io.jslab.slab;

import io.jslab.arena.BuddyArena;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cache's slabs and their lock: the kernel's {@code struct kmem_cache_node} (one node here).
 * Slabs sit on the list their count of given-out slots calls for:
 *
 * <pre>
 *   full:    no free slot            partial: some free          empty: every slot free
 *   [slab]-[slab]-...                [slab]-[slab]-...           [slab]-...   (kept for reuse)
 *    a slab moves to the head of its new list when a take or a give-back changes its state
 * </pre>
 *
 * Take: partial slabs first (the head: the most recently partial), then empty ones, each slab's
 * most recently freed slot first. New slabs come from the arena outside the lock; empty slabs
 * go back to it outside the lock too, after their pages are unmapped under it.
 *
 * <p>Every method but {@link #newSlab} and {@link #release} runs with {@link #lock} held.
 */
final class SlabNode {

    final ReentrantLock lock = new ReentrantLock();
    final SlabList full = new SlabList("full");
    final SlabList partial = new SlabList("partial");
    final SlabList empty = new SlabList("empty");

    private final SlabCache cache;
    private final BuddyArena arena;
    private final PageMap pageMap;
    private final int size;
    private final int objects;
    private final int order;
    private final Reciprocal slotIndex;

    SlabNode(SlabCache cache, BuddyArena arena, PageMap pageMap, int size, int objects, int order) {
        this.cache = cache;
        this.arena = arena;
        this.pageMap = pageMap;
        this.size = size;
        this.objects = objects;
        this.order = order;
        this.slotIndex = new Reciprocal(size);
    }

    /** Takes up to {@code want} slots into {@code out[0..)}, in taking order; returns how many. */
    int take(long[] out, int want) {
        return take(out, 0, want);
    }

    /** Takes up to {@code want} slots into {@code out[from..)}; returns how many. */
    int take(long[] out, int from, int want) {
        int got = 0;
        while (got < want) {
            Slab slab = partial.head() != null ? partial.head() : empty.head();
            if (slab == null) {
                break;
            }
            out[from + got++] = slab.base + (long) slab.pop() * size;
            relist(slab);
        }
        return got;
    }

    /** Returns a slot (a valid slot address of this cache) to its slab. */
    void giveBack(long address) {
        Slab slab = pageMap.slabAt(address);
        slab.push((int) slotIndex.divide(address - slab.base));
        relist(slab);
    }

    /** Takes an empty slab whole, or returns null when there is none; every slot stays poisoned. */
    Slab takeWhole() {
        Slab slab = empty.head();
        if (slab != null) {
            slab.takeAll();
            slab.whole = true;
            relist(slab);
        }
        return slab;
    }

    /** Puts a slab taken whole back on the empty list. */
    void giveBackWhole(Slab slab) {
        slab.whole = false;
        slab.giveAll();
        relist(slab);
    }

    void addNew(Slab slab) {
        empty.addFirst(slab);
    }

    /** Unmaps every empty slab and takes it off the lists, for {@link #release}. */
    List<Slab> detachEmpty() {
        List<Slab> detached = new ArrayList<>();
        for (Slab slab = empty.pollFirst(); slab != null; slab = empty.pollFirst()) {
            pageMap.unmap(slab, 1 << order);
            detached.add(slab);
        }
        return detached;
    }

    /** Without the lock: a new slab, every slot poisoned and every page mapped; null if no block. */
    Slab newSlab() {
        long base = arena.allocate(order);
        if (base == BuddyArena.NO_MEMORY) {
            return null;
        }
        for (int i = 0; i < objects; i++) {
            arena.putLong(base + (long) i * size, Slab.POISON_FREE);
        }
        Slab slab = new Slab(cache, base, objects);
        pageMap.map(slab, 1 << order); // before any of its slots leaves the lock
        return slab;
    }

    /** Without the lock: frees detached slabs' blocks to the arena; returns the pages freed. */
    long release(List<Slab> detached) {
        for (Slab slab : detached) {
            arena.free(slab.base);
        }
        return (long) detached.size() << order;
    }

    long slabs() {
        return full.size() + partial.size() + empty.size();
    }

    List<SlabList> lists() {
        return List.of(full, partial, empty);
    }

    /** Moves a slab to the list its free count calls for. */
    private void relist(Slab slab) {
        SlabList target = slab.isFull() ? full : slab.isEmpty() ? empty : partial;
        if (slab.list != target) {
            if (slab.list != null) {
                slab.list.remove(slab);
            }
            target.addFirst(slab);
        }
    }
}
