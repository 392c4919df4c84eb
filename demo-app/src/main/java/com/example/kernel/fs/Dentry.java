package com.example.kernel.fs;

import io.jslab.SlabAllocated;

/**
 * A name bound to an inode, as the kernel's {@code struct dentry}: what a path lookup finds in
 * the {@link Dcache}. Long-lived: it stays while its name is in use and a while after.
 */
@SlabAllocated(cache = "dentry")
public final class Dentry {

    private final String name;
    private final Inode inode;

    Dentry(String name, Inode inode) {
        this.name = name;
        this.inode = inode;
    }

    public String name() {
        return name;
    }

    public Inode inode() {
        return inode;
    }
}
