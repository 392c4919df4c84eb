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

    /**
     * The most pages an arena may hold: page numbers stay non-negative {@code int}s with room for
     * the buddy arithmetic ({@code page + (1 << order)}) to stay below {@code Integer.MAX_VALUE}.
     */
    public static final long MAX_PAGES = 1L << 30;

    /**
     * Validates the values and rounds {@code maxBytes} down to whole chunks.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public ArenaConfig {
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size " + pageSize + ": must be a power of two from "
                    + MIN_PAGE_SIZE + " to " + MAX_PAGE_SIZE);
        }
        if (maxOrder < MIN_ORDER || maxOrder > MAX_ORDER) {
            throw new IllegalArgumentException("max order " + maxOrder + ": must be from " + MIN_ORDER
                    + " to " + MAX_ORDER);
        }
        long chunkBytes = (long) pageSize << maxOrder;
        if (chunkBytes > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("max order " + maxOrder + " with page size " + pageSize
                    + ": a chunk of " + chunkBytes + " bytes, must be at most " + MAX_CHUNK_BYTES
                    + " (1 GiB)");
        }
        if (maxBytes < chunkBytes) {
            throw new IllegalArgumentException("max bytes " + maxBytes + ": must be at least one chunk of "
                    + chunkBytes + " bytes (page size " + pageSize + " << max order " + maxOrder + ")");
        }
        if (maxBytes / pageSize > MAX_PAGES) {
            throw new IllegalArgumentException("max bytes " + maxBytes + ": must be at most " + MAX_PAGES
                    + " pages (" + MAX_PAGES * pageSize + " bytes with page size " + pageSize + ")");
        }
        maxBytes -= maxBytes % chunkBytes;
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
