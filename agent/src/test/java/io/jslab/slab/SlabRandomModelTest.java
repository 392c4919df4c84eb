package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random allocate/free/shrink sequences over several caches, checked after every step against a
 * plain model: which addresses are live in which cache, and how many allocations and frees each
 * cache has seen. The validator walks every slab every 97 steps and after the test.
 */
class SlabRandomModelTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    /** What the model knows of one cache. */
    private static final class Model {
        final List<Long> live = new ArrayList<>();
        long allocations;
        long frees;
    }

    @ParameterizedTest(name = "seed {0}, magazines of at most {1}")
    @CsvSource({"1, 0", "2, 2", "3, 64", "4, 64", "5, 7"})
    void randomSequencesMatchTheModel(long seed, int magazineLimit) {
        ManualClock clock = new ManualClock(0);
        SlabAllocator slabs = fixture.open(SlabFixture.SMALL, 2, clock, magazineLimit);
        SplittableRandom random = new SplittableRandom(seed);
        List<SlabCache> caches = List.of(slabs.createCache("obj24", 24, false),
                slabs.createCache("obj64hw", 40, true), slabs.createCache("obj1100", 1100, false),
                slabs.kmallocCache(8192));
        Map<SlabCache, Model> models = new HashMap<>();
        caches.forEach(c -> models.put(c, new Model()));
        Map<Long, SlabCache> owner = new HashMap<>();

        for (int step = 0; step < 6_000; step++) {
            clock.advance(random.nextInt(3));
            SlabCache cache = caches.get(random.nextInt(caches.size()));
            Model model = models.get(cache);
            int roll = random.nextInt(100);
            if (roll < 2) {
                slabs.shrink();
                for (SlabCache c : caches) {
                    assertEquals(0, c.stats().emptySlabs(), "after shrink, step " + step);
                }
            } else if (roll < 55 || model.live.isEmpty()) {
                long slot = cache.allocate();
                assertNotEquals(SlabCache.NO_MEMORY, slot);
                assertNull(owner.put(slot, cache), "handed out twice: " + slot + " at step " + step);
                assertEquals(clock.millis(), slabs.arena().getLong(slot), "allocation record");
                model.live.add(slot);
                model.allocations++;
            } else {
                long slot = model.live.remove(random.nextInt(model.live.size()));
                owner.remove(slot);
                if (random.nextBoolean()) {
                    cache.free(slot);
                } else {
                    slabs.kfree(slot);
                }
                model.frees++;
            }
            SlabCacheStats stats = cache.stats();
            assertEquals(model.live.size(), stats.activeObjects(), cache.name() + " step " + step);
            assertEquals(model.allocations, stats.allocations(), cache.name() + " step " + step);
            assertEquals(model.frees, stats.frees(), cache.name() + " step " + step);
            assertEquals(stats.numSlabs() * stats.objectsPerSlab(), stats.numObjects());
            assertEquals(stats.fullSlabs() + stats.partialSlabs(), stats.activeSlabs());
            if (step % 97 == 0) {
                SlabFixture.validate(slabs);
            }
        }
        for (SlabCache cache : caches) {
            models.get(cache).live.forEach(cache::free);
        }
        slabs.shrink();
        for (SlabCacheStats stats : slabs.stats()) {
            assertEquals(0, stats.numSlabs(), stats.name());
            assertEquals(0, stats.activeObjects(), stats.name());
        }
    }
}
