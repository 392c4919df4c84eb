package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlabAllocatorTest {

    @RegisterExtension
    final SlabFixture fixture = new SlabFixture();

    private static final String TAIL_1_1 = " : tunables    0    0    0 : slabdata      1      1      0\n";

    private static List<String> names(SlabAllocator slabs) {
        return slabs.caches().stream().map(SlabCache::name).collect(Collectors.toList());
    }

    @Test
    void kmallocRoutesEachSizeToTheSmallestPowerOfTwoCache() {
        SlabAllocator slabs = fixture.open();
        assertEquals("kmalloc-8", slabs.kmallocCache(1).name());
        assertEquals("kmalloc-8", slabs.kmallocCache(8).name());
        assertEquals("kmalloc-16", slabs.kmallocCache(9).name());
        assertEquals("kmalloc-4096", slabs.kmallocCache(4096).name());
        assertEquals("kmalloc-8192", slabs.kmallocCache(4097).name());
        assertEquals("kmalloc-8192", slabs.kmallocCache(8192).name());
        assertEquals(List.of("kmalloc-8", "kmalloc-16", "kmalloc-4096", "kmalloc-8192"), names(slabs));
        assertSame(slabs.cache("kmalloc-16"), slabs.kmallocCache(16));

        long a = slabs.kmalloc(1);
        long b = slabs.kmalloc(9);
        long c = slabs.kmalloc(8192);
        assertEquals(1, slabs.cache("kmalloc-8").stats().activeObjects());
        assertEquals(1, slabs.cache("kmalloc-16").stats().activeObjects());
        assertEquals(1, slabs.cache("kmalloc-8192").stats().activeObjects());
        assertEquals(3, slabs.cache("kmalloc-8192").order());
        assertEquals(4, slabs.cache("kmalloc-8192").objectsPerSlab());
        slabs.kfree(a);
        slabs.kfree(b);
        slabs.kfree(c);
        for (SlabCacheStats s : slabs.stats()) {
            assertEquals(0, s.activeObjects(), s.name());
        }
    }

    @Test
    void kmallocAdoptsAnExistingCacheOfItsNameAndSize() {
        SlabAllocator slabs = fixture.open();
        SlabCache own = slabs.createCache("kmalloc-64", 64, false);
        assertSame(own, slabs.kmallocCache(40));
        slabs.createCache("kmalloc-32", 24, false);
        assertEquals("cache name \"kmalloc-32\" is taken",
                assertThrows(IllegalArgumentException.class, () -> slabs.kmalloc(20)).getMessage());
    }

    @Test
    void cachesAreListedInCreationOrderAndFoundByName() {
        SlabAllocator slabs = fixture.open();
        SlabCache b = slabs.createCache("b", 16, false);
        SlabCache a = slabs.createCache("a", 16, false);
        slabs.kmalloc(100);
        assertEquals(List.of("b", "a", "kmalloc-128"), names(slabs));
        assertSame(a, slabs.cache("a"));
        assertSame(b, slabs.cache("b"));
        assertNull(slabs.cache("c"));
        assertNull(slabs.cache(null));
        slabs.kfree(slabs.kmallocCache(100).allocate());
        slabs.shrink();
    }

    @Test
    void cacheAtFindsTheCacheOfEveryAddressInItsSlabsAndKfreeFreesThere() {
        SlabAllocator slabs = fixture.openWithoutMagazines(null);
        SlabCache a = slabs.createCache("a", 64, false);
        SlabCache b = slabs.createCache("b", 24, false);
        long inA = a.allocate();
        long inB = b.allocate();
        assertSame(a, slabs.cacheAt(inA));
        assertSame(a, slabs.cacheAt(inA + 8));             // inside the slot: still the slab's cache
        assertSame(a, slabs.cacheAt(inA + 64));            // a free slot of the same slab
        assertSame(b, slabs.cacheAt(inB));
        assertNull(slabs.cacheAt(inB + (1L << 20)));        // no slab there
        assertNull(slabs.cacheAt(-1));
        assertNull(slabs.cacheAt(Long.MAX_VALUE));

        slabs.kfree(inB);
        assertEquals(0, b.stats().activeObjects());
        assertEquals(1, b.stats().frees());
        assertEquals(0, a.stats().frees());
        assertEquals(1, b.shrink());
        assertNull(slabs.cacheAt(inB));                    // its slab went back to the arena
        slabs.kfree(inA);
        assertEquals(0, a.stats().activeObjects());
    }

    @Test
    void slabinfoIsTheKernelsTextCharacterForCharacter() {
        SlabAllocator slabs = fixture.openWithoutMagazines(new ManualClock(0));
        SlabCache small = slabs.createCache("obj64", 64, false);
        SlabCache named = slabs.createCache("com.acme.VeryLongClassName$Node", 20, false);
        small.allocate();
        small.allocate();
        small.allocate();
        named.allocate();
        slabs.kmalloc(5000);
        String expected = "slabinfo - version: 2.1\n"
                + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
                + " : tunables <limit> <batchcount> <sharedfactor>"
                + " : slabdata <active_slabs> <num_slabs> <sharedavail>\n"
                + "obj64                  3     64     64   64    1" + TAIL_1_1
                + "com.acme.VeryLongClassName$Node      1    170     24  170    1" + TAIL_1_1
                + "kmalloc-8192           1      4   8192    4    8" + TAIL_1_1;
        assertEquals(expected, slabs.slabinfo());
        slabs.shrink();
    }

    @Test
    void buddyinfoIsTheArenasLine() {
        SlabAllocator slabs = fixture.openWithoutMagazines(null);
        slabs.createCache("obj64", 64, false).allocate();
        // one chunk of order 10, one page taken: one free block of each order 0..9
        assertEquals("Node 0, zone    Arena      1      1      1      1      1      1      1      1      1"
                + "      1      0 \n", slabs.buddyinfo());
    }

    @Test
    void listenersHearOfCachesAndArenaGrowth() {
        SlabAllocator slabs = fixture.open();
        List<String> events = new CopyOnWriteArrayList<>();
        slabs.addListener(new SlabListener() {
            @Override
            public void cacheCreated(SlabCache cache) {
                events.add("created " + cache.name());
            }

            @Override
            public void arenaGrown(int chunks) {
                events.add("grown " + chunks);
            }
        });
        slabs.addListener(new SlabListener() {
            @Override
            public void cacheCreated(SlabCache cache) {
                throw new IllegalStateException("a listener's bug");
            }
        });
        SlabCache cache = slabs.createCache("obj64", 64, false);
        long slot = cache.allocate();
        slabs.kmalloc(9);
        slabs.kmalloc(12);
        assertEquals(List.of("created obj64", "grown 1", "created kmalloc-16"), events);
        cache.free(slot);
    }

    @Test
    void cacheCreatedIsCalledOutsideTheChainsLock() throws Exception {
        SlabAllocator slabs = fixture.open();
        List<String> made = new CopyOnWriteArrayList<>();
        slabs.addListener(new SlabListener() {
            @Override
            public void cacheCreated(SlabCache cache) {
                if (cache.name().equals("first")) {
                    // another thread creating a cache would block if the chain's lock were held
                    CompletableFuture.runAsync(() -> made.add(slabs.createCache("second", 8, false).name()))
                            .orTimeout(10, TimeUnit.SECONDS).join();
                }
            }
        });
        slabs.createCache("first", 8, false);
        assertEquals(List.of("second"), made);
        assertTrue(names(slabs).containsAll(List.of("first", "second")));
    }

    @Test
    void threadsRacingForTheFirstKmallocGetOneCache() throws Exception {
        SlabAllocator slabs = fixture.open();
        List<String> created = new CopyOnWriteArrayList<>();
        slabs.addListener(new SlabListener() {
            @Override
            public void cacheCreated(SlabCache cache) {
                created.add(cache.name());
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<SlabCache>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return slabs.kmallocCache(100);
            }, runnable -> new Thread(runnable).start()));
        }
        start.countDown();
        SlabCache first = racers.get(0).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<SlabCache> racer : racers) {
            assertSame(first, racer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("kmalloc-128"), created);
        assertEquals(List.of("kmalloc-128"), names(slabs));
    }
}
