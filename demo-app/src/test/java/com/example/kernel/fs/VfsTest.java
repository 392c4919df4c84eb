package com.example.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.kernel.block.BlockDevice;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VfsTest {

    private final Vfs vfs = new Vfs(new BlockDevice("vda"), () -> 1_000L);
    private final Random random = new Random(42);

    @Test
    void everyFiveHundredthRequestIsANegativeLookupThatIsNeverForgotten() {
        for (int n = 0; n < 2_499; n++) {
            long bytes = vfs.serve(random);
            assertEquals(n % 500 == 499, bytes == -1, "request " + n);
        }
        assertEquals(4, vfs.negativeDentries());
        vfs.serve(random);
        assertEquals(5, vfs.negativeDentries());
        assertEquals(2_500, vfs.requests());
    }

    @Test
    void aReadMovesOneToThreeBlocks() {
        boolean[] seen = new boolean[4];
        for (int n = 0; n < 400; n++) {
            long bytes = vfs.serve(random);
            if (bytes != -1) {
                assertEquals(0, bytes % BlockDevice.BLOCK_SIZE);
                seen[(int) (bytes / BlockDevice.BLOCK_SIZE)] = true;
            }
        }
        assertFalse(seen[0]);
        assertTrue(seen[1] && seen[2] && seen[3]);
    }

    @Test
    void theDcacheFillsToItsCapacityAndThenTurnsOverAsTheWorkingSetDrifts() {
        int requests = 100_000;
        for (int n = 0; n < requests; n++) {
            vfs.serve(random);
            assertTrue(vfs.dentries() <= Vfs.DCACHE_CAPACITY);
        }
        assertEquals(Vfs.DCACHE_CAPACITY, vfs.dentries());
        // The working set moved from files [0, 1024) to [6250, 7274): nearly every file of the
        // first window was evicted, and what the last window holds is cached.
        long base = (requests - 1) / Vfs.DRIFT_EVERY;
        assertFalse(vfs.cached(Vfs.DIRECTORY + "f0"));
        assertTrue(vfs.evictions() > 4_000, "evictions " + vfs.evictions());
        int recent = 0;
        for (long file = base; file < base + 256; file++) {
            recent += vfs.cached(Vfs.DIRECTORY + "f" + file) ? 1 : 0;
        }
        assertTrue(recent > 200, recent + " of the newest 256 names cached");
    }
}
