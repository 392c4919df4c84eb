package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep's rule for one record ({@link SlotRecords#settle}) and for a segment
 * ({@link Segment#compact}), without a collector: {@link Reference#clear()} clears a record the
 * way the collector does once its object is unreachable, so every case is deterministic.
 */
class SweepTest {

    private final List<String> errors = new ArrayList<>();
    private final SlabAllocator allocator = new SlabAllocator(new BuddyArena(TrackerHarness.DEFAULT_ARENA));
    private final SlotRecords records = new SlotRecords(allocator, (line, cause) -> errors.add(line));
    private final SlabCache cache = allocator.createCache("obj24", 24, false);

    @AfterEach
    void close() {
        allocator.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void aRecordStillReferringToItsObjectIsKeptAndItsSlotStaysHeld() {
        Object object = new Object();
        SlotRef ref = records.record(object, cache.allocate());

        assertEquals(SlotRecords.KEEP, records.settle(ref));
        assertEquals(SlotRecords.KEEP, records.settle(ref));
        assertEquals(1, cache.stats().activeObjects());
        assertEquals(0, cache.stats().frees());
        Reference.reachabilityFence(object);
    }

    @Test
    void aClearedRecordIsFreedOnceThenOnlyDropped() {
        SlotRef ref = records.record(new Object(), cache.allocate());
        ref.clear();

        assertEquals(SlotRecords.FREED, records.settle(ref));
        assertEquals(SlotRecords.DROP, records.settle(ref));
        assertEquals(0, cache.stats().activeObjects());
        assertEquals(1, cache.stats().frees());
    }

    @Test
    void aRecordFreedByTheFailedConstructorPathIsDroppedWithoutASecondFree() {
        SlotRef ref = records.record(new Object(), cache.allocate());
        ObjectTracker.untrack(ref, new AtomicLong(), records);

        assertEquals(SlotRecords.DROP, records.settle(ref));
        assertEquals(0, cache.stats().activeObjects());
        assertEquals(1, cache.stats().frees());
    }

    @Test
    void compactFreesClearedRecordsDropsFreedOnesAndKeepsTheRestInOrder() {
        Segment segment = new Segment(8);
        Object[] objects = new Object[8];
        SlotRef[] refs = new SlotRef[8];
        for (int i = 0; i < 8; i++) {
            objects[i] = new Object();
            refs[i] = records.record(objects[i], cache.allocate());
            segment.add(refs[i]);
        }
        refs[1].clear();                                    // dead: freed by the sweep
        refs[4].clear();
        refs[6].clear();
        refs[5].clear();                                    // dead and freed before the sweep
        records.release(refs[5]);

        assertEquals(3, segment.compact(records));
        assertEquals(4, segment.count());
        assertEquals(1, segment.age);
        SlotRef[] kept = {refs[0], refs[2], refs[3], refs[7]};
        for (int i = 0; i < kept.length; i++) {
            assertSame(kept[i], segment.refs[i], "record " + i);
        }
        for (int i = kept.length; i < 8; i++) {
            assertNull(segment.refs[i], "cleared entry " + i);
        }
        assertEquals(4, cache.stats().activeObjects());
        assertEquals(4, cache.stats().frees());

        assertEquals(0, segment.compact(records));          // nothing new died: nothing freed
        assertEquals(4, segment.count());
        assertEquals(2, segment.age);
        Reference.reachabilityFence(objects);
    }
}
