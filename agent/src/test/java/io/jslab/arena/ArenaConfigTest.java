package io.jslab.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArenaConfigTest {

    @Test
    void theDefaultsAreFourKibPagesOrderTenAndAQuarterGib() {
        assertEquals(4096, ArenaConfig.DEFAULT.pageSize());
        assertEquals(10, ArenaConfig.DEFAULT.maxOrder());
        assertEquals(4L << 20, ArenaConfig.DEFAULT.chunkBytes());
        assertEquals(64, ArenaConfig.DEFAULT.maxChunks());
        assertEquals(256L << 20, ArenaConfig.DEFAULT.maxBytes());
    }

    @Test
    void maxBytesIsRoundedDownToWholeChunks() {
        ArenaConfig config = new ArenaConfig(8192, 4, 3 * (8192L << 4) + 8191);
        assertEquals(3 * (8192L << 4), config.maxBytes());
        assertEquals(3, config.maxChunks());
        assertEquals(1, new ArenaConfig(4096, 3, 0x8000).maxChunks());
    }

    @Test
    void theExtremesAreAccepted() {
        assertEquals(1L << 30, new ArenaConfig(65536, 14, 1L << 30).chunkBytes());
        assertEquals(4096L << 18, new ArenaConfig(4096, 18, 1L << 30).chunkBytes());
        assertEquals(8, new ArenaConfig(4096, 3, 1L << 15).chunkBytes() / 4096);
        assertEquals(1L << 30, new ArenaConfig(4096, 10, 4096L << 30).maxBytes() / 4096);
    }

    @Test
    void aPageSizeThatIsNotAPowerOfTwoInRangeIsRefused() {
        assertRefused("page size 3000: must be a power of two from 4096 to 65536", 3000, 10, 1L << 30);
        assertRefused("page size 2048: must be a power of two from 4096 to 65536", 2048, 10, 1L << 30);
        assertRefused("page size 131072: must be a power of two from 4096 to 65536", 131072, 10, 1L << 30);
        assertRefused("page size 12288: must be a power of two from 4096 to 65536", 12288, 10, 1L << 30);
        assertRefused("page size -4096: must be a power of two from 4096 to 65536", -4096, 10, 1L << 30);
    }

    @Test
    void aMaxOrderOutOfRangeIsRefused() {
        assertRefused("max order 2: must be from 3 to 18", 4096, 2, 1L << 30);
        assertRefused("max order 19: must be from 3 to 18", 4096, 19, 1L << 30);
    }

    @Test
    void aChunkAboveOneGibIsRefused() {
        assertRefused("max order 15 with page size 65536: a chunk of 2147483648 bytes, must be at most"
                + " 1073741824 (1 GiB)", 65536, 15, 1L << 40);
    }

    @Test
    void lessThanOneChunkIsRefused() {
        assertRefused("max bytes 4194303: must be at least one chunk of 4194304 bytes (page size 4096 << max"
                + " order 10)", 4096, 10, (4L << 20) - 1);
        assertRefused("max bytes -1: must be at least one chunk of 32768 bytes (page size 4096 << max order 3)",
                4096, 3, -1);
    }

    @Test
    void moreThanTwoToTheThirtyPagesIsRefused() {
        assertRefused("max bytes 4398046515200: must be at most 1073741824 pages (4398046511104 bytes with"
                + " page size 4096)", 4096, 10, (4096L << 30) + 4096);
    }

    private static void assertRefused(String message, int pageSize, int maxOrder, long maxBytes) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> new ArenaConfig(pageSize, maxOrder, maxBytes)).getMessage());
    }
}
