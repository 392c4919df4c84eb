package com.example.kernel.block;

import java.util.List;

/**
 * One block I/O request, as the kernel's {@code struct bio}: the buffers it fills. Short-lived,
 * one per request. Selected through {@code include}, like the rest of this package.
 */
public final class Bio {

    private final List<BufferHead> buffers;

    Bio(List<BufferHead> buffers) {
        this.buffers = List.copyOf(buffers);
    }

    public List<BufferHead> buffers() {
        return buffers;
    }

    /** Bytes the request moved. */
    public long bytes() {
        long bytes = 0;
        for (BufferHead buffer : buffers) {
            bytes += buffer.data().length;
        }
        return bytes;
    }
}
