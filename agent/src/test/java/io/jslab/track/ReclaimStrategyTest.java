package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReclaimStrategyTest {

    @Test
    void propertyNamesTheStrategy() {
        assertEquals(List.of("sweep", "sweep", "queue"),
                List.of(strategyFor(null, new ArrayList<>()), strategyFor("sweep", new ArrayList<>()),
                        strategyFor("queue", new ArrayList<>())));
    }

    @Test
    void badPropertyIsReportedOnOneLineAndTheDefaultUsed() {
        List<String> errors = new ArrayList<>();
        assertEquals("sweep", strategyFor("fast", errors));
        assertEquals(List.of("bad jslab.reclaim 'fast': accepted values are sweep and queue; using sweep"), errors);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReclaimStrategy.named("Queue"));
        assertEquals("bad jslab.reclaim 'Queue': accepted values are sweep and queue", e.getMessage());
    }

    private static String strategyFor(String property, List<String> errors) {
        String before = System.getProperty(ReclaimStrategy.PROPERTY);
        setProperty(property);
        try (SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
             ObjectTracker tracker = new ObjectTracker(allocator, TrackerHarness.SIZE_24,
                     (line, cause) -> errors.add(cause == null ? line : line + ": " + cause))) {
            return tracker.reclaimStrategy();
        } finally {
            setProperty(before);
        }
    }

    private static void setProperty(String value) {
        if (value == null) {
            System.clearProperty(ReclaimStrategy.PROPERTY);
        } else {
            System.setProperty(ReclaimStrategy.PROPERTY, value);
        }
    }
}
