package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;
import org.junit.jupiter.api.Test;

class AgentStatusTest {

    static final class Sized {
    }

    @Test
    void errorNamesItsCauseOnce() {
        AgentStatus status = new AgentStatus("1.0", "", false);
        status.error("cannot instrument a.B, it stays unchanged", new IllegalStateException("bad\nclass file"));
        status.error("cannot instrument c.D, it stays unchanged", new NullPointerException());
        assertEquals(2, status.errors());
        assertEquals("cannot instrument c.D, it stays unchanged: java.lang.NullPointerException", status.lastError());
    }

    @Test
    void trackerFailureReachesLastErrorOnOneLineWithItsCauseOnce() {
        AgentStatus status = new AgentStatus("1.0", "", false);
        try (SlabAllocator allocator = new SlabAllocator(new BuddyArena(ArenaConfig.DEFAULT), 1);
             ObjectTracker tracker = new ObjectTracker(allocator, object -> {
                 throw new IllegalStateException("no size\ntoday");
             }, status::error)) {
            tracker.constructedSink().accept(new Sized(), Sized.class);
        }
        assertEquals(1, status.errors());
        assertEquals("cannot create a slab cache for class io.jslab.agent.AgentStatusTest$Sized: "
                + "IllegalStateException: no size today", status.lastError());
    }
}
