package com.example.kernel.fs;

import io.jslab.SlabAllocated;

/**
 * The memory of a lookup that found nothing, as the kernel's negative dentries. The
 * {@link Vfs} keeps every one of them in a list it never prunes: the demo's slow leak.
 *
 * <p>No cache name is given, so its cache is named after the class:
 * {@code com.example.kernel.fs.NegativeDentry}.
 */
@SlabAllocated
public final class NegativeDentry {

    private final String name;
    private final long lookedUpAtMillis;

    NegativeDentry(String name, long lookedUpAtMillis) {
        this.name = name;
        this.lookedUpAtMillis = lookedUpAtMillis;
    }

    public String name() {
        return name;
    }

    public long lookedUpAtMillis() {
        return lookedUpAtMillis;
    }
}
