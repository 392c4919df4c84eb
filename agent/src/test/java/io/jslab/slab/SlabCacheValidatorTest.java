package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The validator that runs after every test finds what it claims to find. */
class SlabCacheValidatorTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    @Test
    void aFreeSlotThatLostItsPoisonIsReported() {
        SlabAllocator slabs = fixture.openWithoutMagazines(null);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        slabs.arena().putLong(slot + 128, 42); // slot 2 is free: a write after free
        AssertionError error = assertThrows(AssertionError.class, slabs::validate);
        assertEquals("obj64: slab at 0x" + Long.toHexString(slot) + " free slot 2 not poisoned",
                error.getMessage());
        slabs.arena().putLong(slot + 128, Slab.POISON_FREE);
        cache.free(slot);
    }

    @Test
    void aHandedOutSlotHoldingThePoisonIsReported() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        slabs.arena().putLong(slot, Slab.POISON_FREE); // a caller wrote over the slot record
        AssertionError error = assertThrows(AssertionError.class, slabs::validate);
        assertEquals("obj64: slab at 0x" + Long.toHexString(slot)
                + " used slot 0 holds the poison but sits in no magazine", error.getMessage());
        slabs.arena().putLong(slot, 0);
        cache.free(slot);
    }

    @Test
    void aMagazineSlotWithoutThePoisonIsReported() {
        SlabAllocator slabs = fixture.open();
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        slabs.arena().putLong(slot, 0);
        cache.free(slot);
        long again = cache.allocate();
        slabs.arena().putLong(slot + 64, 7); // slot 1 sits in the magazine: now unpoisoned
        AssertionError error = assertThrows(AssertionError.class, slabs::validate);
        assertEquals("obj64: magazine of " + Thread.currentThread().getName() + " holds bad slot 0x"
                + Long.toHexString(slot + 64), error.getMessage());
        slabs.arena().putLong(slot + 64, Slab.POISON_FREE);
        cache.free(again);
    }
}
