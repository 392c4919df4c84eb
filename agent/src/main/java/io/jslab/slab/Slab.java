package io.jslab.slab;

/**
 * One slab: {@code 2^order} contiguous arena pages cut into {@code objperslab} slots, and the
 * stack of its free slot indices. Guarded by its cache's lock; see {@link SlabCache} for the layout.
 *
 * <p>A slot handed to a thread's magazine counts as in use here: the slab only knows what it gave
 * out, as a SLUB slab frozen to a cpu does.
 */
final class Slab {

    /** The kernel's POISON_FREE byte, 0x6b, in all eight bytes: what a free slot's record holds. */
    static final long POISON_FREE = 0x6b6b6b6b6b6b6b6bL;

    final SlabCache cache;
    /** Arena address of slot 0, a multiple of the slab's size in bytes. */
    final long base;
    private final int objects;
    /**
     * Free slot indices; the top of the stack, {@code freeIndices[free - 1]}, is handed out next.
     * {@code null} while the stack is still in its first order (slot 0 on top, then 1, 2, ...),
     * which is every fresh slab's and every slab's handed out or given back whole: a reserve of
     * whole slabs ({@link SlabCache#allocateSlabs}) then costs no heap beyond this object, where
     * an array would add four bytes a slot, and the collector would copy them.
     */
    private int[] freeIndices;
    private int free;

    /** Handed out whole ({@link SlabCache#allocateSlabs}): every slot in use, none on its own. */
    boolean whole;

    /** Which {@link SlabList} holds this slab, and its neighbours there. */
    SlabList list;
    Slab prev;
    Slab next;

    /** A slab with every slot free, slot 0 on top so slots go out in address order. */
    Slab(SlabCache cache, long base, int objects) {
        this.cache = cache;
        this.base = base;
        this.objects = objects;
        this.free = objects;
    }

    int objects() {
        return objects;
    }

    int freeCount() {
        return free;
    }

    int inUse() {
        return objects - free;
    }

    boolean isEmpty() {
        return free == objects;
    }

    boolean isFull() {
        return free == 0;
    }

    /** Takes the most recently freed slot (LIFO: its memory is the likeliest still in cache). */
    int pop() {
        assert free > 0 : "pop from full slab at 0x" + Long.toHexString(base);
        --free;
        return freeIndices == null ? objects - 1 - free : freeIndices[free];
    }

    /** Every slot at once, from an empty slab. */
    void takeAll() {
        assert isEmpty() : "whole take of a slab in use at 0x" + Long.toHexString(base);
        free = 0;
        freeIndices = null;
    }

    /** Every slot back at once, slot 0 on top again, as in a new slab. */
    void giveAll() {
        assert isFull() : "whole give-back of a slab with free slots at 0x" + Long.toHexString(base);
        free = objects;
        freeIndices = null;
    }

    void push(int index) {
        assert free < objects : "push of slot " + index + " into empty slab at 0x"
                + Long.toHexString(base);
        if (freeIndices == null) {
            freeIndices = firstOrder();
        }
        freeIndices[free++] = index;
    }

    /** The stack as an array, in the first order up to {@code free}. */
    private int[] firstOrder() {
        int[] indices = new int[objects];
        for (int i = 0; i < free; i++) {
            indices[i] = objects - 1 - i;
        }
        return indices;
    }

    /** Copy of the free indices, for the validator. */
    int[] freeIndices() {
        return java.util.Arrays.copyOf(freeIndices == null ? firstOrder() : freeIndices, free);
    }
}
