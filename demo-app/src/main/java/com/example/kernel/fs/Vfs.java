package com.example.kernel.fs;

import com.example.kernel.block.Bio;
import com.example.kernel.block.BlockDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A toy virtual file system serving read requests, built so that each kind of object churns the
 * way its kernel namesake does.
 *
 * <pre>
 * request n ──► n % 500 == 499 ? ──yes──► NegativeDentry, kept forever     (slow leak)
 *                    │ no
 *                    ▼
 *    file = n / 16 + random(1024)        a working set of 1024 names that drifts by one
 *                    │                   name every 16 requests
 *                    ▼
 *    Dcache (LRU, 2048) ── miss ──► new Dentry + Inode                     (long-lived)
 *                    │
 *                    ▼
 *    new OpenFile ─► BlockDevice.read ─► Bio + 1..3 BufferHead of 4 KiB    (short-lived)
 * </pre>
 *
 * <p>A dentry stays cached while its name is in the working set and until about
 * {@code 2048 - 1024} newer names have come in after it left: at {@code r} requests a second it
 * lives roughly {@code 2048 * 16 / r} seconds, three seconds or more at the demo's default rate,
 * while the request's objects die within microseconds. Every allocation made for a request
 * is at least a 4 KiB block, so young collections follow one another quickly and reclaim them.
 */
public final class Vfs {

    public static final int DCACHE_CAPACITY = 2048;
    public static final int WORKING_SET = 1024;
    public static final int DRIFT_EVERY = 16;
    public static final int NEGATIVE_EVERY = 500;
    static final String DIRECTORY = "/srv/www/";

    private final BlockDevice device;
    private final LongSupplier clockMillis;
    private final AtomicLong requests = new AtomicLong();
    // Guarded by this: the dcache, the leak and the inode numbers.
    private final Dcache dcache = new Dcache(DCACHE_CAPACITY);
    private final List<NegativeDentry> negativeDentries = new ArrayList<>();
    private long nextIno = 2;

    public Vfs(BlockDevice device, LongSupplier clockMillis) {
        this.device = device;
        this.clockMillis = clockMillis;
    }

    /**
     * Serves one read request: looks a name up, opens the file, reads one to three blocks and
     * closes it. Returns the bytes read, or -1 when the name did not exist. Thread-safe.
     */
    public long serve(Random random) {
        long n = requests.getAndIncrement();
        if (n % NEGATIVE_EVERY == NEGATIVE_EVERY - 1) {
            remember(new NegativeDentry(DIRECTORY + "missing-" + n, clockMillis.getAsLong()));
            return -1;
        }
        long file = n / DRIFT_EVERY + random.nextInt(WORKING_SET);
        Dentry dentry = lookup(DIRECTORY + "f" + file, file);
        OpenFile open = new OpenFile(dentry.inode(), OpenFile.O_RDONLY);
        Bio bio = device.read(file * 4, 1 + random.nextInt(3));
        open.advance(bio.bytes());
        return open.position();
    }

    private synchronized Dentry lookup(String name, long file) {
        Dentry dentry = dcache.get(name);
        if (dentry == null) {
            Inode inode = new Inode(nextIno++, 4L * BlockDevice.BLOCK_SIZE, clockMillis.getAsLong());
            dentry = new Dentry(name, inode);
            dcache.put(dentry);
        }
        return dentry;
    }

    // The leak: nothing ever takes a negative dentry out of this list.
    private synchronized void remember(NegativeDentry negative) {
        negativeDentries.add(negative);
    }

    /** Requests served so far. */
    public long requests() {
        return requests.get();
    }

    /** Dentries in the dcache, which is also the number of live inodes. */
    public synchronized int dentries() {
        return dcache.size();
    }

    public synchronized int negativeDentries() {
        return negativeDentries.size();
    }

    /** Dentries evicted from the dcache so far. */
    public synchronized long evictions() {
        return dcache.evictions();
    }

    /** Whether the dcache holds {@code name}, without marking it as used. */
    synchronized boolean cached(String name) {
        return dcache.contains(name);
    }
}
