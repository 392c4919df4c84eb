package com.example.kernel.fs;

import io.jslab.SlabAllocated;

/**
 * An open file, as the kernel's {@code struct file} (whose cache is {@code filp}): made for one
 * request and dropped when it ends. Short-lived, at the request rate.
 */
@SlabAllocated(cache = "filp")
public final class OpenFile {

    static final int O_RDONLY = 0;

    private final Inode inode;
    private final int flags;
    private long position;

    OpenFile(Inode inode, int flags) {
        this.inode = inode;
        this.flags = flags;
    }

    public Inode inode() {
        return inode;
    }

    public int flags() {
        return flags;
    }

    public long position() {
        return position;
    }

    void advance(long bytes) {
        position += bytes;
    }
}
