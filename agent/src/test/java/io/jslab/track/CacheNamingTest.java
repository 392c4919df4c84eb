package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.SlabAllocated;
import io.jslab.slab.SlabCache;
import io.jslab.track.Fixtures.AlignedBase;
import io.jslab.track.Fixtures.AlignedChild;
import io.jslab.track.Fixtures.BadName;
import io.jslab.track.Fixtures.Dentry;
import io.jslab.track.Fixtures.Outer;
import io.jslab.track.Fixtures.Plain;
import java.lang.ref.Reference;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CacheNamingTest {

    @Test
    void cachesAreNamedByBinaryNameAndAnnotation() {
        try (TrackerHarness h = new TrackerHarness()) {
            List<Object> keep = List.of(new Plain(), new Outer.Node(), new Dentry(), new AlignedBase(),
                    new AlignedChild(), new Plain());
            keep.forEach(h::constructed);
            assertEquals(List.of("io.jslab.track.Fixtures$Plain", "io.jslab.track.Fixtures$Outer$Node",
                    "dentry", "io.jslab.track.Fixtures$AlignedBase", "io.jslab.track.Fixtures$AlignedChild"),
                    trackerCaches(h));
            assertEquals(2, h.active(Plain.class));
            assertEquals(1, h.stats("dentry").activeObjects());
            Reference.reachabilityFence(keep);
        }
    }

    @Test
    void objectSizeComesFromTheFirstObjectRoundedToTheAlignment() {
        try (TrackerHarness h = new TrackerHarness(TrackerHarness.DEFAULT_ARENA, object -> 20)) {
            h.constructed(new Plain());
            h.constructed(new AlignedBase());
            h.constructed(new AlignedChild());               // inherits hwcacheAlign
            assertEquals(24, h.cache(Plain.class).objectSize());
            assertEquals(8, h.cache(Plain.class).align());
            assertEquals(64, h.cache(AlignedBase.class).objectSize());
            assertEquals(64, h.cache(AlignedChild.class).objectSize());
            assertEquals(64, h.cache(AlignedChild.class).align());
        }
    }

    @Test
    void sameNameFromAnotherLoaderGetsNumberedSuffix() throws Exception {
        try (TrackerHarness h = new TrackerHarness()) {
            Class<?> foreign = freshLoader().loadClass(Plain.class.getName());
            Class<?> third = freshLoader().loadClass(Plain.class.getName());
            List<Object> keep = List.of(new Plain(), newInstance(foreign), newInstance(third),
                    newInstance(foreign));
            keep.forEach(h::constructed);
            assertEquals(List.of("io.jslab.track.Fixtures$Plain", "io.jslab.track.Fixtures$Plain#2",
                    "io.jslab.track.Fixtures$Plain#3"), trackerCaches(h));
            assertEquals(1, h.stats("io.jslab.track.Fixtures$Plain").activeObjects());
            assertEquals(2, h.stats("io.jslab.track.Fixtures$Plain#2").activeObjects());
            assertEquals(1, h.stats("io.jslab.track.Fixtures$Plain#3").activeObjects());
            Reference.reachabilityFence(keep);
        }
    }

    @Test
    void annotationOfAnotherLoadersCopyIsReadByName() throws Exception {
        try (TrackerHarness h = new TrackerHarness()) {
            ClassLoader loader = freshLoader(SlabAllocated.class);
            Class<?> foreignDentry = loader.loadClass(Dentry.class.getName());
            Class<?> foreignAligned = loader.loadClass(AlignedChild.class.getName());
            assertNull(foreignDentry.getAnnotation(SlabAllocated.class), "a distinct annotation type");
            h.constructed(new Dentry());
            h.constructed(newInstance(foreignDentry));
            h.constructed(newInstance(foreignAligned));
            assertEquals(List.of("dentry", "dentry#2", "io.jslab.track.Fixtures$AlignedChild"), trackerCaches(h));
            assertEquals(64, h.cache(AlignedChild.class).align());
        }
    }

    @Test
    void classWhoseCacheCannotBeMadeIsReportedOnceAndLeftUntracked() {
        try (TrackerHarness h = new TrackerHarness()) {
            h.constructed(new BadName());
            h.constructed(new BadName());
            h.constructed(new Plain());
            assertEquals(1, h.errors.size(), h.errors.toString());
            String error = h.errors.remove(0);
            assertTrue(error.startsWith("cannot create a slab cache for class io.jslab.track.Fixtures$BadName: "
                    + "java.lang.IllegalArgumentException: ") && error.contains("two words"), error);
            assertEquals(1, h.tracker.trackedObjects());
            assertEquals(List.of("io.jslab.track.Fixtures$Plain"), trackerCaches(h));
        }
    }

    @Test
    void failingObjectSizeIsReportedOnceAndNothingIsThrown() {
        try (TrackerHarness h = new TrackerHarness(TrackerHarness.DEFAULT_ARENA, object -> {
            throw new IllegalStateException("no size today");
        })) {
            h.constructed(new Plain());
            h.constructed(new Plain());
            assertEquals(List.of("cannot create a slab cache for class io.jslab.track.Fixtures$Plain: "
                    + "java.lang.IllegalStateException: no size today"), List.copyOf(h.errors));
            h.errors.clear();
            assertEquals(0, h.tracker.trackedObjects());
            assertEquals(List.of(), trackerCaches(h));
        }
    }

    private static List<String> trackerCaches(TrackerHarness h) {
        return h.allocator.caches().stream().map(SlabCache::name)
                .filter(name -> !name.startsWith("kmalloc-"))
                .collect(Collectors.toList());
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true); // package-private, and in another runtime package
        return constructor.newInstance();
    }

    /** A loader with a null parent over the test classes (and the classes of {@code more}). */
    private static ClassLoader freshLoader(Class<?>... more) {
        URL[] urls = new URL[more.length + 1];
        urls[0] = Plain.class.getProtectionDomain().getCodeSource().getLocation();
        for (int i = 0; i < more.length; i++) {
            urls[i + 1] = more[i].getProtectionDomain().getCodeSource().getLocation();
        }
        return new URLClassLoader(urls, null);
    }
}
