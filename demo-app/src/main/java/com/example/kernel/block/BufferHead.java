package com.example.kernel.block;

/**
 * One block's buffer, as the kernel's {@code struct buffer_head}: a block number and the block's
 * bytes, made for one read and dropped with it. Short-lived, several per request.
 *
 * <p>No annotation: this package stands for code that cannot be changed, and the agent selects
 * it with {@code include=com.example.kernel.block.*}.
 */
public final class BufferHead {

    private final long blockNumber;
    private final byte[] data;

    BufferHead(long blockNumber, int blockSize) {
        this.blockNumber = blockNumber;
        this.data = new byte[blockSize];
    }

    public long blockNumber() {
        return blockNumber;
    }

    public byte[] data() {
        return data;
    }
}
