package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lifetimes and rates with a clock the test moves. */
class SlabLifetimeTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private final ManualClock clock = new ManualClock(1_000);

    @Test
    void medianAndP99OfKnownLifetimes() throws Exception {
        SlabCache cache = fixture.open(SlabFixture.SMALL, 2, clock, SlabCache.MAGAZINE_LIMIT)
                .createCache("obj64", 64, false);
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slots.add(cache.allocate());
        }
        assertTrue(Double.isNaN(cache.stats().medianLifetimeMillis()), "no free yet");
        assertTrue(Double.isNaN(cache.stats().p99LifetimeMillis()), "no free yet");
        for (int i = 0; i < 10; i++) {
            clock.set(1_000 + i + 1);
            cache.free(slots.get(i)); // lifetimes 1 .. 10 ms
        }
        assertEquals(5.0, cache.stats().medianLifetimeMillis());  // rank 5 of 10
        assertEquals(10.0, cache.stats().p99LifetimeMillis());    // rank 10 of 10

        clock.set(2_000);
        for (int i = 10; i < 95; i++) {
            cache.free(slots.get(i)); // 85 lifetimes of 1000 ms: bucket [992, 1024)
        }
        clock.set(3_000);
        Thread other = new Thread(() -> {
            for (int i = 95; i < 100; i++) {
                cache.free(slots.get(i)); // 5 lifetimes of 2000 ms, counted in another magazine
            }
        });
        other.start();
        other.join();
        SlabCacheStats stats = cache.stats();
        assertEquals(992.0, stats.medianLifetimeMillis());  // rank 50: among the 85
        assertEquals(1984.0, stats.p99LifetimeMillis());    // rank 99: among the 5 of [1984, 2048)
        assertEquals(100, stats.frees());
        assertEquals(0, stats.activeObjects());
    }

    @Test
    void ratesArePerSecondOverTheLastSeconds() {
        SlabAllocator slabs = fixture.open(SlabFixture.SMALL, 2, clock, SlabCache.MAGAZINE_LIMIT);
        SlabCache cache = slabs.createCache("obj64", 64, false);
        assertEquals(0.0, cache.stats().allocationRate(), "one sample: no rate yet");
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            slots.add(cache.allocate());
        }
        clock.advance(1_000);
        assertEquals(30.0, cache.stats().allocationRate());
        assertEquals(0.0, cache.stats().freeRate());
        for (int i = 0; i < 10; i++) {
            cache.free(slots.get(i));
        }
        clock.advance(1_000);
        slabs.maintain();
        assertEquals(15.0, cache.stats().allocationRate()); // 30 in 2 s
        assertEquals(5.0, cache.stats().freeRate());        // 10 in 2 s
        clock.advance(6_000);
        slabs.maintain();
        assertEquals(0.0, cache.stats().allocationRate(), "nothing in the last 5 s");
        slots.subList(10, 30).forEach(cache::free);
    }
}
