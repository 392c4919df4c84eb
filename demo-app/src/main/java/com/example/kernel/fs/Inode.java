package com.example.kernel.fs;

import io.jslab.SlabAllocated;

/**
 * A file's metadata, as the kernel's {@code struct inode}. Lives as long as the dentry that
 * names it stays in the {@link Dcache}: long-lived, turning over slowly.
 */
@SlabAllocated(cache = "inode_cache")
public final class Inode {

    /** {@code S_IFREG | 0644}: a regular file readable by all. */
    static final int REGULAR_FILE = 0100644;

    private final long ino;
    private final int mode;
    private final long size;
    private final long mtimeMillis;

    Inode(long ino, long size, long mtimeMillis) {
        this.ino = ino;
        this.mode = REGULAR_FILE;
        this.size = size;
        this.mtimeMillis = mtimeMillis;
    }

    public long ino() {
        return ino;
    }

    public int mode() {
        return mode;
    }

    public long size() {
        return size;
    }

    public long mtimeMillis() {
        return mtimeMillis;
    }
}
