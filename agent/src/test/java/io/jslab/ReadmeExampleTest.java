package io.jslab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's example of the direct allocator API, line for line, and the output the README
 * shows for it. Change both together.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAndPrintsWhatTheReadmeShows() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        // --- README example begins ---
        try (SlabAllocator slabs = new SlabAllocator(new BuddyArena(ArenaConfig.DEFAULT), 1)) {
            SlabCache dentries = slabs.createCache("dentry", 192, true); // 192-byte slots, 64-byte aligned
            long[] slots = new long[100];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = dentries.allocate();        // an arena address, or SlabCache.NO_MEMORY
                slabs.arena().putLong(slots[i] + 8, i); // the first 8 bytes hold jslab's slot record
            }
            dentries.free(slots[99]);
            long buffer = slabs.kmalloc(100);           // from kmalloc-128, made on first use
            out.print(slabs.slabinfo());
            out.print(slabs.buddyinfo());
            slabs.kfree(buffer);
        }
        // --- README example ends ---

        assertEquals(String.join("\n",
                "slabinfo - version: 2.1",
                "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>",
                "dentry                99    105    192   21    1 : tunables    0    0    0 : slabdata      5      5      0",
                "kmalloc-128            1     32    128   32    1 : tunables    0    0    0 : slabdata      1      1      0",
                "Node 0, zone    Arena      0      1      0      1      1      1      1      1      1      1      0 ",
                ""), printed.toString(StandardCharsets.UTF_8));
    }
}
