package com.example.kernel.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcessTableTest {

    private static final long BOOT = 1_000_000;

    private final ProcessTable table = new ProcessTable(BOOT, new Random(7));

    @Test
    void onlyTheDaemonsRunBeforeTheFirstStorm() {
        assertEquals(16, table.tasks());
        table.tick(BOOT + ProcessTable.STORM_PERIOD_MILLIS - 1);
        assertEquals(16, table.tasks());
        assertEquals(0, table.storms());
        assertEquals(16, table.forked());
    }

    @Test
    void aStormForksItsTasksAtOnceAndEachExitsWithinItsLifetimeBounds() {
        long storm = BOOT + ProcessTable.STORM_PERIOD_MILLIS;
        table.tick(storm);
        assertEquals(16 + 256, table.tasks());
        assertEquals(1, table.storms());
        assertEquals(16 + 256, table.forked());
        table.tick(storm + ProcessTable.MIN_TASK_MILLIS - 1);
        assertEquals(16 + 256, table.tasks(), "no task exits before its minimum lifetime");
        table.tick(storm + 1_250);
        int midway = table.tasks();
        assertEquals(true, midway > 16 && midway < 16 + 256, "some exited by the middle: " + midway);
        table.tick(storm + ProcessTable.MAX_TASK_MILLIS);
        assertEquals(16, table.tasks(), "every storm task exited by its maximum lifetime");
    }

    @Test
    void stormsComeOncePerPeriod() {
        for (long t = BOOT; t <= BOOT + 20_000; t += 100) {
            table.tick(t);
        }
        assertEquals(4, table.storms());
        assertEquals(16 + 4 * 256, table.forked());
    }
}
