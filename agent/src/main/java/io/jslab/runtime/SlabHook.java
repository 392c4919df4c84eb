package io.jslab.runtime;

import java.util.function.BiConsumer;

/**
 * The one class that instrumented constructors call.
 *
 * <p>It names nothing but {@code java.*} types, so a copy of it can be defined in any class
 * loader that cannot see the agent's own copy (a loader whose parent is null, say); the agent then
 * points that copy's sinks at the same tracker through {@link #install}. It is public, with public
 * members only, because the calling class and this class may live in different loaders, where
 * package-private access fails even under the same package name.
 */
public final class SlabHook {

    // Written once per loader copy by the agent, read on every tracked construction; volatile so
    // that a constructor running on another thread sees the sinks as soon as they are installed.
    private static volatile BiConsumer<Object, Class<?>> constructedSink;
    private static volatile BiConsumer<Object, Class<?>> failedSink;
    private static volatile BiConsumer<Object, Class<?>> clonedSink;

    private SlabHook() {}

    /**
     * Called at the normal return of the constructor declared by {@code declaringClass} that
     * counts on its {@code this(...)} chain: the deepest selected one. Counts {@code object} only
     * when its runtime class is {@code declaringClass}, so a selected superclass constructor never
     * counts a subclass's object. Never throws.
     */
    public static void constructed(Object object, Class<?> declaringClass) {
        BiConsumer<Object, Class<?>> sink = constructedSink;
        if (sink != null && object.getClass() == declaringClass) {
            try {
                sink.accept(object, declaringClass);
            } catch (Throwable ignored) {
                // The tracker counts and reports its own failures; nothing may reach the host.
            }
        }
    }

    /**
     * Called when a constructor throws after its {@code this(...)} call returned, where a
     * constructor below it on the chain counted the object: it must not stay counted. Never
     * throws.
     */
    public static void constructionFailed(Object object, Class<?> declaringClass) {
        BiConsumer<Object, Class<?>> sink = failedSink;
        if (sink != null && object.getClass() == declaringClass) {
            try {
                sink.accept(object, declaringClass);
            } catch (Throwable ignored) {
                // As above.
            }
        }
    }

    /**
     * Called with the copy that {@code Object.clone()} returned to a method of {@code callerClass},
     * a tracked class (SPEC 2: a copy is tracked as a construction). The copy's runtime class is
     * {@code callerClass} or a subclass; the sink counts it only if that class is tracked. Never
     * throws.
     */
    public static void cloned(Object copy, Class<?> callerClass) {
        BiConsumer<Object, Class<?>> sink = clonedSink;
        if (sink != null && copy != null) {
            try {
                sink.accept(copy, callerClass);
            } catch (Throwable ignored) {
                // As above.
            }
        }
    }

    /**
     * Turns this copy of the hook into a no-op: at detach, constructors whose old, rewritten code
     * is still running (or was inlined) keep calling here and must do nothing.
     */
    public static void uninstall() {
        install(null, null, null);
    }

    /** Points this copy of the hook at the tracker, copies uncounted; {@code null}s turn tracking off. */
    public static void install(BiConsumer<Object, Class<?>> constructed,
                               BiConsumer<Object, Class<?>> failed) {
        install(constructed, failed, null);
    }

    /** Points this copy of the hook at the tracker; {@code null}s turn tracking off. */
    public static void install(BiConsumer<Object, Class<?>> constructed,
                               BiConsumer<Object, Class<?>> failed,
                               BiConsumer<Object, Class<?>> cloned) {
        failedSink = failed;
        clonedSink = cloned;
        constructedSink = constructed;
    }
}
