package com.example.kernel.block;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated disk: reads fill fresh buffers with a deterministic pattern. One per workload,
 * long-lived (the {@code include} pattern selects it along with its package).
 */
public final class BlockDevice {

    /** Bytes per block, the size of a page. */
    public static final int BLOCK_SIZE = 4096;

    private final String name;

    public BlockDevice(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Reads {@code count} consecutive blocks from {@code firstBlock} into a new request. */
    public Bio read(long firstBlock, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        List<BufferHead> buffers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BufferHead buffer = new BufferHead(firstBlock + i, BLOCK_SIZE);
            // Touch the block as a disk would fill it, so the bytes are really there.
            buffer.data()[0] = (byte) (firstBlock + i);
            buffers.add(buffer);
        }
        return new Bio(buffers);
    }
}
