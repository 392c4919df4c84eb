package com.example.kernel.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlockDeviceTest {

    private final BlockDevice device = new BlockDevice("vda");

    @Test
    void aReadFillsOneFreshBufferPerConsecutiveBlock() {
        Bio bio = device.read(10, 3);
        assertEquals(3, bio.buffers().size());
        for (int i = 0; i < 3; i++) {
            BufferHead buffer = bio.buffers().get(i);
            assertEquals(10 + i, buffer.blockNumber());
            assertEquals(BlockDevice.BLOCK_SIZE, buffer.data().length);
            assertEquals((byte) (10 + i), buffer.data()[0]);
        }
        assertEquals(3 * 4096, bio.bytes());
    }

    @Test
    void aReadOfNoBlocksIsRefused() {
        assertEquals("count must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> device.read(0, 0)).getMessage());
    }
}
