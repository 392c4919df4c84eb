package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rewrite in process: fixtures rewritten into a fresh loader, counted by test sinks on the hook. */
class ConstructorRewriteTest {

    private final CountingSinks sinks = new CountingSinks();
    private final RewritingLoader loader = new RewritingLoader(
            new ClassSelection(new WildcardMatcher("fixture.Included"), WildcardMatcher.NONE));

    @AfterEach
    void uninstall() {
        sinks.close();
    }

    private Object make(String className, Class<?>[] types, Object... args) throws Throwable {
        Constructor<?> constructor = loader.loadClass("fixture." + className).getDeclaredConstructor(types);
        constructor.setAccessible(true);
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void annotatedClassCountsEachObjectOnce() throws Throwable {
        for (int i = 0; i < 3; i++) {
            make("Annotated", new Class<?>[0]);
        }
        assertEquals(3, sinks.constructed("fixture.Annotated"));
        assertEquals(0, sinks.failed("fixture.Annotated"));
    }

    @Test
    void subclassObjectCountsInItsOwnClassOnly() throws Throwable {
        make("AnnotatedChild", new Class<?>[0]);
        make("AnnotatedChild", new Class<?>[0]);
        make("Annotated", new Class<?>[0]);
        assertEquals(2, sinks.constructed("fixture.AnnotatedChild"));
        assertEquals(1, sinks.constructed("fixture.Annotated"));
        assertEquals(List.of("fixture.Annotated", "fixture.AnnotatedChild"), loader.rewritten.stream().sorted().toList());
    }

    @Test
    void includedClassIsCountedAndOthersAreNot() throws Throwable {
        make("Included", new Class<?>[] {String.class}, "x");
        assertEquals(1, sinks.constructed("fixture.Included"));
        RewritingLoader without = new RewritingLoader(new ClassSelection(WildcardMatcher.NONE, WildcardMatcher.NONE));
        without.loadClass("fixture.Included").getConstructor(String.class).newInstance("y");
        assertEquals(1, sinks.constructed("fixture.Included"));
        assertEquals(List.of(), without.rewritten);
    }

    @Test
    void excludeWinsOverTheAnnotation() throws Throwable {
        RewritingLoader excluding = new RewritingLoader(
                new ClassSelection(WildcardMatcher.NONE, new WildcardMatcher("fixture.Annot*")));
        excluding.loadClass("fixture.AnnotatedChild").getConstructor().newInstance();
        assertEquals(0, sinks.constructed("fixture.AnnotatedChild"));
        assertEquals(List.of(), excluding.rewritten);
    }

    @Test
    void delegationChainCountsOnceWhicheverConstructorWasCalled() throws Throwable {
        make("Delegating", new Class<?>[0]);
        make("Delegating", new Class<?>[] {int.class}, 7);
        make("Delegating", new Class<?>[] {int.class, String.class}, 7, "s");
        assertEquals(3, sinks.constructed("fixture.Delegating"));
        assertEquals(0, sinks.failed("fixture.Delegating"));
    }

    @Test
    void constructorThatThrowsIsNotCounted() throws Throwable {
        Class<?>[] mode = {int.class};
        make("Throwing", mode, 0);
        assertThrows(IllegalStateException.class, () -> make("Throwing", mode, 1));
        assertEquals(1, sinks.constructed("fixture.Throwing"), "throwing before this(...): the hook never ran");
        assertThrows(IllegalStateException.class, () -> make("Throwing", mode, 2));
        assertEquals(2, sinks.constructed("fixture.Throwing"), "the root returned normally and counted");
        assertEquals(1, sinks.failed("fixture.Throwing"), "then the delegating constructor threw and undid it");
        assertThrows(IllegalStateException.class, () -> make("Throwing", mode, 3));
        make("Throwing", mode, 4);
        assertEquals(3, sinks.constructed("fixture.Throwing"));
        assertEquals(1, sinks.failed("fixture.Throwing"), "an exception caught inside the constructor undoes nothing");
        assertEquals(2, sinks.live("fixture.Throwing"));
    }

    @Test
    void constructorLevelAnnotationTracksTheChainsThroughIt() throws Throwable {
        make("ConstructorLevel", new Class<?>[] {int.class}, 5);
        assertEquals(0, sinks.constructed("fixture.ConstructorLevel"), "no annotated constructor ran");
        make("ConstructorLevel", new Class<?>[] {String.class}, "ab");
        assertEquals(1, sinks.constructed("fixture.ConstructorLevel"), "annotated, delegating to an unannotated one");
        make("ConstructorLevel", new Class<?>[0]);
        assertEquals(2, sinks.constructed("fixture.ConstructorLevel"), "unannotated, delegating to an annotated one");
        make("ConstructorLevel", new Class<?>[] {long.class}, 9L);
        assertEquals(3, sinks.constructed("fixture.ConstructorLevel"));
        make("ConstructorLevel", new Class<?>[] {char.class}, 'a');
        assertEquals(4, sinks.constructed("fixture.ConstructorLevel"));
        assertThrows(IllegalArgumentException.class, () -> make("ConstructorLevel", new Class<?>[] {char.class}, '!'));
        assertEquals(5, sinks.constructed("fixture.ConstructorLevel"));
        assertEquals(1, sinks.failed("fixture.ConstructorLevel"));
        assertEquals(4, sinks.live("fixture.ConstructorLevel"));
    }

    @Test
    void reflectionAndMethodHandlesCountLikeNew() throws Throwable {
        Class<?> type = loader.loadClass("fixture.Delegating");
        type.getConstructor(int.class).newInstance(3);
        MethodHandle handle = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class));
        handle.invoke();
        assertEquals(2, sinks.constructed("fixture.Delegating"));
    }

    @Test
    void manyThreadsConstructingAtOnceAreAllCounted() throws Throwable {
        Constructor<?> constructor = loader.loadClass("fixture.Delegating").getConstructor();
        int threads = 4;
        int each = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        constructor.newInstance();
                    }
                } catch (ReflectiveOperationException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(threads * each, sinks.constructed("fixture.Delegating"));
    }
}
