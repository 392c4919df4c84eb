package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import org.junit.jupiter.api.Test;

/** The two record layouts: the compact slot's encoding, its limit, and who frees. */
class SlotRecordTest {

    private static final long GIB = 1L << 30;
    private static final Object REFERENT = new Object();

    @Test
    void compactSlotRoundTripsFromZeroToTheLargestAddress() {
        assertEquals(32 * GIB - 16, SlotRef.Compact.MAX_ADDRESS);
        for (long address : new long[] {0, 8, 4096, 4 * GIB, 32 * GIB - 24, SlotRef.Compact.MAX_ADDRESS}) {
            int slot = SlotRef.Compact.encode(address);
            assertEquals(address, SlotRef.Compact.decode(slot), Long.toHexString(address));
            assertEquals(address, new SlotRef.Compact(REFERENT, address, 1, 0).take(), Long.toHexString(address));
        }
        assertEquals(0, SlotRef.Compact.encode(0));
        assertEquals(1, SlotRef.Compact.encode(8));
        assertEquals(0x2000_0000, SlotRef.Compact.encode(4 * GIB));
        assertEquals(-2, SlotRef.Compact.encode(SlotRef.Compact.MAX_ADDRESS));
    }

    @Test
    void addressesTheCompactSlotCannotHoldAreRefused() {
        // 32 GiB - 8 would be 0xFFFFFFFF, the "freed" value; surefire runs with -ea.
        AssertionError error = assertThrows(AssertionError.class, () -> SlotRef.Compact.encode(32 * GIB - 8));
        assertEquals("address 0x7fffffff8 has no compact slot", error.getMessage());
        assertThrows(AssertionError.class, () -> SlotRef.Compact.encode(32 * GIB));
        assertThrows(AssertionError.class, () -> SlotRef.Compact.encode(12));
        assertThrows(AssertionError.class, () -> SlotRef.Compact.encode(-8));
    }

    @Test
    void anAddressSpaceEndingAt32GiBNeedsTheWideRecord() {
        assertTrue(SlotRecords.fitsCompact(8));
        assertTrue(SlotRecords.fitsCompact(32 * GIB - 8));  // last slot 32 GiB - 16
        assertFalse(SlotRecords.fitsCompact(32 * GIB));     // last slot 32 GiB - 8: the sentinel
        assertFalse(SlotRecords.fitsCompact(64 * 1024 * GIB));
    }

    @Test
    void theArenasWholeMaximumChoosesTheLayout() {
        assertTrue(SlotRecords.fitsCompact(ArenaConfig.DEFAULT));
        assertTrue(SlotRecords.fitsCompact(new ArenaConfig(4096, 10, 32 * GIB - (4 << 20))));
        assertTrue(SlotRecords.fitsCompact(new ArenaConfig(4096, 10, 32 * GIB - 1))); // rounded down to chunks
        assertFalse(SlotRecords.fitsCompact(new ArenaConfig(4096, 10, 32 * GIB)));
        assertTrue(SlotRecords.fitsCompact(new ArenaConfig(65536, 14, 31 * GIB)));
        assertFalse(SlotRecords.fitsCompact(new ArenaConfig(65536, 14, 32 * GIB + GIB / 2))); // 32 GiB
    }

    @Test
    void onlyTheFirstTakeGetsTheSlot() {
        SlotRef compact = new SlotRef.Compact(REFERENT, 4096, 1, 0);
        SlotRef wide = new SlotRef.Wide(REFERENT, 1L << 40, 1, 0);
        assertEquals(4096, compact.take());
        assertEquals(1L << 40, wide.take());
        assertEquals(SlotRef.FREED, compact.take());
        assertEquals(SlotRef.FREED, wide.take());
    }

    @Test
    void wideRecordHoldsAddressesBeyondTheCompactRange() {
        for (long address : new long[] {0, 32 * GIB - 8, 32 * GIB, 64 * 1024 * GIB - 8}) {
            assertEquals(address, new SlotRef.Wide(REFERENT, address, 1, 0).take(), Long.toHexString(address));
        }
    }
}
