package io.jslab.track;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import io.jslab.slab.SlabCacheStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A started tracker over a real allocator and a small arena, with an error sink that records
 * every report; closes both and checks that no error was reported unless the test took them.
 */
final class TrackerHarness implements AutoCloseable {

    /** Every fixture object is 24 bytes to the tracker, unless a test says otherwise. */
    static final ToLongFunction<Object> SIZE_24 = object -> 24;

    final SlabAllocator allocator;
    final ObjectTracker tracker;
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    /** One 4 MiB chunk of 4 KiB pages. */
    static final ArenaConfig DEFAULT_ARENA = new ArenaConfig(4096, 10, 4L << 20);

    TrackerHarness() {
        this(DEFAULT_ARENA, SIZE_24);
    }

    TrackerHarness(ArenaConfig arena, ToLongFunction<Object> objectSize) {
        allocator = new SlabAllocator(new BuddyArena(arena));
        tracker = new ObjectTracker(allocator, objectSize, (line, cause) -> errors.add(cause == null ? line : line + ": " + cause));
        tracker.start();
    }

    void constructed(Object object) {
        tracker.constructedSink().accept(object, object.getClass());
    }

    void failed(Object object) {
        tracker.failedSink().accept(object, object.getClass());
    }

    SlabCache cache(Class<?> type) {
        return allocator.cache(type.getName());
    }

    SlabCacheStats stats(String cacheName) {
        return allocator.cache(cacheName).stats();
    }

    long active(Class<?> type) {
        return cache(type).stats().activeObjects();
    }

    /** Collects until {@code type}'s cache holds exactly {@code expected} active objects. */
    void awaitActive(Class<?> type, long expected) {
        awaitActive(type.getName(), expected);
    }

    void awaitActive(String cacheName, long expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    System.gc();
                    assertEquals(expected, stats(cacheName).activeObjects(), cacheName + " active_objs");
                });
    }

    /** Waits for two more reclaimer walks, so that anything it would do has been done. */
    void awaitTwoWalks() {
        long walks = tracker.reclaimerWalks();
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.reclaimerWalks() >= walks + 2);
    }

    @Override
    public void close() {
        tracker.close();
        allocator.close();
        assertEquals(List.of(), errors, "errors reported");
    }
}
