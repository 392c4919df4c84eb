package io.jslab.arena;

/**
 * Why an address given to {@link BuddyArena#free} or {@link BuddyArena#orderOf} is not an allocated
 * block, as an exception with a one-line message. Only on the error path, under the arena's lock.
 *
 * <ul>
 *   <li>outside the mapped chunks or not page-aligned: never a block address
 *       (IllegalArgumentException);</li>
 *   <li>inside free memory: the head of a free block, or a page that a merge swallowed into a
 *       larger free block; both are what freeing a block twice leaves (IllegalStateException);</li>
 *   <li>inside an allocated block but not at its start (IllegalArgumentException).</li>
 * </ul>
 */
final class BadAddress {

    private BadAddress() {
    }

    static RuntimeException explain(long address, String freeMessage, FreeArea area, int pageShift,
                                    long mappedBytes) {
        if (address < 0 || address >= mappedBytes) {
            return new IllegalArgumentException(String.format(
                    "address 0x%x: outside the arena's mapped memory [0x0, 0x%x)", address, mappedBytes));
        }
        if ((address & ((1L << pageShift) - 1)) != 0) {
            return new IllegalArgumentException(String.format(
                    "address 0x%x: not a block address (blocks start at multiples of the page size %d)",
                    address, 1L << pageShift));
        }
        int head = area.enclosingHead((int) (address >>> pageShift));
        int bits = area.meta(head);
        if ((bits & FreeArea.FREE) != 0) {
            return new IllegalStateException(String.format("address 0x%x: %s", address, freeMessage));
        }
        return new IllegalArgumentException(String.format(
                "address 0x%x: not the start of a block (it lies inside the block at 0x%x of order %d)",
                address, (long) head << pageShift, bits & FreeArea.ORDER_MASK));
    }
}
