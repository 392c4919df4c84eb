package io.jslab.slab;

/**
 * An intrusive doubly linked list of slabs (the kernel's {@code list_head} in {@code struct slab}):
 * moving a slab between the full, partial and empty lists costs O(1) and allocates nothing.
 * Guarded by the cache's lock.
 */
final class SlabList {

    final String name;
    private Slab head;
    private long size;

    SlabList(String name) {
        this.name = name;
    }

    Slab head() {
        return head;
    }

    long size() {
        return size;
    }

    void addFirst(Slab slab) {
        assert slab.list == null : "slab 0x" + Long.toHexString(slab.base) + " already on " + slab.list.name;
        slab.list = this;
        slab.prev = null;
        slab.next = head;
        if (head != null) {
            head.prev = slab;
        }
        head = slab;
        size++;
    }

    void remove(Slab slab) {
        assert slab.list == this : "slab 0x" + Long.toHexString(slab.base) + " not on " + name;
        if (slab.prev != null) {
            slab.prev.next = slab.next;
        } else {
            head = slab.next;
        }
        if (slab.next != null) {
            slab.next.prev = slab.prev;
        }
        slab.list = null;
        slab.prev = null;
        slab.next = null;
        size--;
    }

    /** Removes and returns the first slab, or null. */
    Slab pollFirst() {
        Slab first = head;
        if (first != null) {
            remove(first);
        }
        return first;
    }
}
