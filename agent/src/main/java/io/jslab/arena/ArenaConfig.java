package io.jslab.arena;

/**
 * The shape of a {@link BuddyArena}: pages of {@code pageSize} bytes, chunks of
 * {@code 2^maxOrder} pages, at most {@code maxBytes} of memory in all (rounded down to whole chunks).
 *
 * @param pageSize page size in bytes: a power of two from 4096 to 65536
 * @param maxOrder largest block order, from 3 to 18, with {@code pageSize << maxOrder} at most 1 GiB
 * @param maxBytes most memory the arena may map, at least one chunk
 */
public record ArenaConfig(int pageSize, int maxOrder, long maxBytes) {

    public static final int MIN_PAGE_SIZE = 4096;
    public static final int MAX_PAGE_SIZE = 65536;
    public static final int MIN_ORDER = 3;
    public static final int MAX_ORDER = 18;
    public static final long MAX_CHUNK_BYTES = 1L << 30;

    /** 4 KiB pages, order 10 (4 MiB chunks), 256 MiB at most: the agent's defaults. */
    public static final ArenaConfig DEFAULT = new ArenaConfig(4096, 10, 256L << 20);

    /** @throws IllegalArgumentException naming the value and what is accepted */
    public ArenaConfig {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Bytes in one chunk: {@code pageSize << maxOrder}. */
    public long chunkBytes() {
        return (long) pageSize << maxOrder;
    }

    /** How many chunks the arena may map: {@code maxBytes / chunkBytes()}. */
    public int maxChunks() {
        return (int) (maxBytes / chunkBytes());
    }
}
