package io.jslab.arena;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A binary buddy allocator over off-heap pages, as the kernel's page allocator
 * ({@code mm/page_alloc.c}).
 *
 * <h2>Design</h2>
 *
 * <p>Notation: {@code P} page size (a power of two), {@code M} max order, a chunk is {@code 2^M}
 * pages ({@code C = P << M} bytes). A page's number {@code pfn = address / P} counts pages from
 * the start of the arena's address space; a block of order {@code k} is {@code 2^k} pages whose
 * first pfn is a multiple of {@code 2^k}; its buddy is the block at {@code pfn ^ 2^k}, and the two
 * together make the block of order {@code k + 1} at {@code pfn & ~2^k}.
 *
 * <pre>
 *  address  0               C               2C              nC            maxChunks * C
 *           [    chunk 0    ][    chunk 1    ] ... [ chunk n-1 ]  (not mapped yet)
 *            \_____________ one MappedByteBuffer per chunk, mapped on demand
 *
 *  chunk 1 after a few allocations (M = 3, 8 pages, pfn 8..15):
 *
 *   pfn:   8    9    10   11   12   13   14   15
 *        [ A0 ][ F0 ][   A1    ][        F2         ]
 *        A0: allocated, order 0    F0: free, order 0 (buddy of A0)
 *        A1: allocated, order 1    F2: free, order 2 (buddy of the order-2 block at pfn 8)
 * </pre>
 *
 * <p>Per-page metadata (one byte per page, see {@link FreeArea}): on a block's first page, HEAD,
 * FREE when the block is on a free list, and the block's order; zero on every other page. It is
 * what detects a double free (the head is FREE, or the page lies inside a free block) and a foreign
 * address (not a head), and what lets {@code free} find a block's order from its address.
 *
 * <p>Allocate a block of order {@code k} (under the lock):
 * <ol>
 *   <li>Find the smallest order {@code j >= k} whose free list is not empty (a bit mask of
 *       non-empty lists makes this one instruction) and take the block at its front
 *       ({@code __rmqueue_smallest}).</li>
 *   <li>While {@code j > k}: {@code j--}, push the high half (pfn + 2^j) on free list {@code j}
 *       and keep the low half ({@code expand}). High halves go in decreasing order.</li>
 *   <li>Mark the head allocated with order {@code k} and return {@code pfn * P}.</li>
 *   <li>If no list had a block: map a new chunk (while fewer than {@code maxChunks}), push it as
 *       one free block of order {@code M}, and go to 1. Tell growth listeners after unlocking.</li>
 *   <li>If the arena may not grow: unlock, ask the {@link Reclaimer} once, retry steps 1 to 4;
 *       if nothing fits still, count a failure and return {@link #NO_MEMORY}.</li>
 * </ol>
 *
 * <p>Free the block at {@code pfn} (under the lock):
 * <ol>
 *   <li>Check the address: inside the mapped chunks, page-aligned, a HEAD, not FREE.</li>
 *   <li>Read its order {@code k} from the metadata; clear the head.</li>
 *   <li>Coalesce ({@code __free_one_page}): while {@code k < M} and the buddy at {@code pfn ^ 2^k}
 *       is a FREE head of order {@code k}: unlink the buddy, clear its head,
 *       {@code pfn &= buddy}, {@code k++}. A chunk is aligned to {@code 2^M} pages, so a buddy
 *       never lies in another chunk.</li>
 *   <li>Push the block at the front of free list {@code k}.</li>
 * </ol>
 *
 * <p>Free lists are LIFO: the most recently pushed block is taken first. So from a fresh chunk at
 * pfn 0, order-0 allocations return pfn 0, 1, 2, 3, ... (each split leaves the next pages at the
 * front of the lower lists), and freeing then reallocating returns the block just freed.
 *
 * <p>Thread safety: one monitor, the kernel's zone lock, guards the free lists, the metadata and
 * the counters. A monitor rather than a {@code ReentrantLock}: the sections are a few dozen
 * nanoseconds long, where the JVM's adaptive spinning beats parking, and an uncontended monitor
 * measured cheaper than a {@code ReentrantLock} in JMH on JDK 17. {@link #getLong} and {@link #putLong} take no lock (see
 * {@link MappedChunks}). The reclaimer and growth listeners run without the lock.
 *
 * <p>Sources: Linux {@code mm/page_alloc.c} ({@code __rmqueue_smallest}, {@code expand},
 * {@code __free_one_page}, {@code __find_buddy_pfn}); {@code mm/vmstat.c}
 * ({@code fill_contig_page_info}, {@code unusable_free_index}, {@code __fragmentation_index},
 * {@code frag_show_print}); Knuth, TAOCP vol. 1, 2.5 (the buddy system).
 */
public final class BuddyArena implements AutoCloseable {

    /** What {@link #allocate} returns when no block fits and the arena may not grow. */
    public static final long NO_MEMORY = -1L;

    private final ArenaConfig config;
    private final int maxOrder;
    private final int pageShift;
    private final long pageMask;
    private final int maxChunks;
    /** The zone lock: guards {@code area}, {@code mappedBytes}, the failure count, {@code closed}. */
    private final Object lock = new Object();
    private final FreeArea area;
    private final MappedChunks chunks;
    private final List<IntConsumer> growthListeners = new CopyOnWriteArrayList<>();
    private volatile Reclaimer reclaimer;
    private long mappedBytes;
    private long allocationFailures;
    private boolean closed;

    /** An arena of {@code config}'s shape; it maps its first chunk at the first allocation. */
    public BuddyArena(ArenaConfig config) {
        this(config, MappedChunks.defaultDirectories());
    }

    /** An arena whose chunks are files in the first of {@code directories} with room for one. */
    BuddyArena(ArenaConfig config, List<Path> directories) {
        this.config = config;
        this.maxOrder = config.maxOrder();
        this.pageShift = Integer.numberOfTrailingZeros(config.pageSize());
        this.pageMask = config.pageSize() - 1;
        this.maxChunks = config.maxChunks();
        this.area = new FreeArea(maxOrder, (long) maxChunks << maxOrder);
        this.chunks = new MappedChunks(config.chunkBytes(), directories);
    }

    public ArenaConfig config() {
        return config;
    }

    /**
     * Allocates a block of {@code 2^order} pages and returns its address: a byte offset in the
     * arena's address space, a multiple of the block's size. Chunk {@code i} spans
     * {@code [i * chunkBytes, (i + 1) * chunkBytes)}. The block's memory holds whatever its last
     * user left there (zeros when its chunk is new).
     *
     * <p>Which block, exactly: the front of the smallest non-empty free list of order
     * {@code >= order}; when that order is larger, the block is split, its low half kept and the
     * high halves pushed on the front of the lower lists. A new chunk is mapped only when every
     * list of order {@code >= order} is empty. So the arena's answers are deterministic, and from
     * a fresh arena successive order-0 allocations return page 0, 1, 2, ... of chunk 0.
     *
     * @return the address, or {@link #NO_MEMORY} when no block fits, the arena is at its maximum
     *         and the reclaimer gave nothing back
     * @throws IllegalArgumentException if {@code order} is not from 0 to maxOrder
     * @throws IllegalStateException if the arena is closed
     */
    public long allocate(int order) {
        if (order < 0 || order > maxOrder) {
            throw new IllegalArgumentException("order " + order + ": must be from 0 to " + maxOrder);
        }
        synchronized (lock) {
            ensureOpen();
            int page = area.allocate(order);
            if (page != FreeArea.NIL) {
                return (long) page << pageShift;
            }
        }
        return allocateSlowly(order);
    }

    private long allocateSlowly(int order) {
        long address = allocateOrGrow(order, false);
        if (address != NO_MEMORY) {
            return address;
        }
        Reclaimer current = reclaimer;
        if (current != null) {
            try {
                current.reclaim();
            } catch (RuntimeException e) {
                // A reclaimer that fails has given nothing back; the retry below decides.
            }
        }
        return allocateOrGrow(order, true);
    }

    private long allocateOrGrow(int order, boolean countFailure) {
        int grownTo = 0;
        long address = NO_MEMORY;
        synchronized (lock) {
            ensureOpen();
            int page = area.allocate(order);
            if (page == FreeArea.NIL && grow()) {
                grownTo = chunks.chunks();
                page = area.allocate(order);
            }
            if (page != FreeArea.NIL) {
                address = (long) page << pageShift;
            } else if (countFailure) {
                allocationFailures++;
            }
        }
        if (grownTo > 0) {
            for (IntConsumer listener : growthListeners) {
                try {
                    listener.accept(grownTo);
                } catch (RuntimeException e) {
                    // A listener's failure must not fail an allocation that succeeded.
                }
            }
        }
        return address;
    }

    /** Maps one more chunk; false at the maximum or when the system refuses the mapping. */
    private boolean grow() {
        if (chunks.chunks() >= maxChunks) {
            return false;
        }
        try {
            chunks.map();
        } catch (IOException | RuntimeException e) {
            // Out of mappings or of room for the file: as good as being at the maximum.
            return false;
        }
        area.addChunk();
        mappedBytes += config.chunkBytes();
        return true;
    }

    /**
     * Frees the block that starts at {@code address} and coalesces it with its free buddies.
     *
     * @throws IllegalArgumentException if the address is outside the mapped chunks, not
     *         page-aligned, or inside an allocated block but not at its start
     * @throws IllegalStateException if the memory there is already free (a block freed twice: after
     *         a merge its address lies inside a larger free block), or the arena is closed
     */
    public void free(long address) {
        synchronized (lock) {
            ensureOpen();
            area.free(allocatedHead(address, "block already free"));
        }
    }

    /** The order of the allocated block that starts at {@code address}; throws as {@link #free}. */
    public int orderOf(long address) {
        synchronized (lock) {
            ensureOpen();
            return area.meta(allocatedHead(address, "block is free")) & FreeArea.ORDER_MASK;
        }
    }

    private int allocatedHead(long address, String freeMessage) {
        if (address >= 0 && address < mappedBytes && (address & pageMask) == 0) {
            int page = (int) (address >>> pageShift);
            int bits = area.meta(page);
            if ((bits & (FreeArea.HEAD | FreeArea.FREE)) == FreeArea.HEAD) {
                return page;
            }
        }
        throw BadAddress.explain(address, freeMessage, area, pageShift, mappedBytes);
    }

    /**
     * Reads 8 bytes (native byte order) at an 8-aligned address inside a mapped chunk. No lock.
     *
     * @throws IllegalArgumentException if the address is not 8-aligned or not in a mapped chunk
     * @throws IllegalStateException if the arena is closed
     */
    public long getLong(long address) {
        return chunks.getLong(address);
    }

    /** Writes 8 bytes (native byte order) at an 8-aligned address inside a mapped chunk; throws as {@link #getLong}. */
    public void putLong(long address, long value) {
        chunks.putLong(address, value);
    }

    /**
     * Atomically writes 8 bytes and returns the 8 that were there (a volatile exchange), so that of
     * threads exchanging at one address at once, exactly one reads the value before them all;
     * throws as {@link #getLong}.
     */
    public long getAndSetLong(long address, long value) {
        return chunks.getAndSetLong(address, value);
    }

    /**
     * Sets what is asked to give memory back before an allocation fails; {@code null} for none.
     * An exception it throws counts as nothing given back.
     */
    public void setReclaimer(Reclaimer reclaimer) {
        this.reclaimer = reclaimer;
    }

    /**
     * Called with the new number of chunks each time the arena grows, outside the arena's lock, on
     * the allocating thread. An exception it throws is ignored.
     */
    public void addGrowthListener(IntConsumer listener) {
        growthListeners.add(listener);
    }

    /** A consistent snapshot, taken under the lock; the indices are computed after unlocking. */
    public ArenaStats stats() {
        long[] freeBlocks = new long[maxOrder + 1];
        int mapped;
        long totalPages;
        long freePages;
        long failures;
        synchronized (lock) {
            ensureOpen();
            for (int order = 0; order <= maxOrder; order++) {
                freeBlocks[order] = area.nrFree(order);
            }
            mapped = chunks.chunks();
            totalPages = area.pages();
            freePages = area.freePages();
            failures = allocationFailures;
        }
        return new ArenaStats(config.pageSize(), maxOrder, mapped, maxChunks, totalPages, freePages,
                freeBlocks, Fragmentation.unusableIndices(freeBlocks),
                Fragmentation.fragmentationIndices(freeBlocks), failures);
    }

    /**
     * Drops the arena's memory (the mappings go when their buffers are collected); any later call
     * but {@link #config()} and another {@code close()} fails with IllegalStateException.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            chunks.close();
        }
    }

    /** Runs {@code inspection} on the bookkeeping under the lock: for invariant checks in tests. */
    void inspect(Consumer<FreeArea> inspection) {
        synchronized (lock) {
            inspection.accept(area);
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("arena closed");
        }
    }
}
