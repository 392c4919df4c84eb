package io.jslab.slab;

/** The one-line messages for bad frees: what address, which cache, what is wrong. */
final class SlotErrors {

    private SlotErrors() {}

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    static IllegalArgumentException notOfCache(long address, SlabCache cache, Slab slab) {
        String why = slab == null ? "no slab of this allocator holds it"
                : "it belongs to cache \"" + slab.cache.name() + "\"";
        return new IllegalArgumentException("address " + hex(address) + " is not a slot of cache \""
                + cache.name() + "\": " + why);
    }

    static IllegalArgumentException notASlotStart(long address, SlabCache cache, Slab slab,
                                                  long index) {
        String why;
        if (index >= cache.objectsPerSlab()) {
            why = "it lies in the unused tail of the slab at " + hex(slab.base) + ", past its "
                    + cache.objectsPerSlab() + " slots";
        } else {
            long start = slab.base + index * cache.objectSize();
            why = "it lies " + (address - start) + " bytes into the slot at " + hex(start)
                    + " (slots are " + cache.objectSize() + " bytes)";
        }
        return new IllegalArgumentException("address " + hex(address) + " is not a slot of cache \""
                + cache.name() + "\": " + why);
    }

    static IllegalStateException doubleFree(long address, SlabCache cache) {
        return new IllegalStateException("double free of address " + hex(address) + " in cache \""
                + cache.name() + "\": the slot is already free");
    }

    static IllegalArgumentException notOfChain(long address) {
        return new IllegalArgumentException("address " + hex(address)
                + " is not a slot of any cache of this allocator");
    }
}
