package io.jslab.agent;

import io.jslab.runtime.SlabHook;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;

/**
 * Makes {@code io.jslab.runtime.SlabHook} resolvable, with its sinks installed, from the loader of
 * every class the agent rewrites, before that class is defined.
 *
 * <p>A loader that delegates to the application loader finds the agent's own copy, whose sinks
 * the agent installed. A loader that cannot see it (its parent is null, say) gets a copy of the
 * hook's class file defined in it with {@code ClassLoader.defineClass}, reached through reflection
 * after {@link Instrumentation#redefineModule} opened {@code java.lang} to the agent's module; that
 * copy's {@code install} is then called reflectively. A loader that has a copy of its own (the
 * agent jar on its class path) gets its sinks installed the same way. The bootstrap class path is
 * never touched: appending to it makes the JVM print a class-data-sharing warning on every start.
 * Classes of the boot loader are never selected, so a null loader never reaches here.
 *
 * <p>Loaders are remembered weakly, so this holds no loader alive.
 */
final class HookReachability {

    private static final String HOOK = SlabHook.class.getName();

    private final Instrumentation instrumentation;
    private final BiConsumer<Object, Class<?>> constructed;
    private final BiConsumer<Object, Class<?>> failed;
    private final BiConsumer<Object, Class<?>> cloned;
    private final Map<ClassLoader, Boolean> ready = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Method defineClass;

    HookReachability(Instrumentation instrumentation, BiConsumer<Object, Class<?>> constructed,
                     BiConsumer<Object, Class<?>> failed, BiConsumer<Object, Class<?>> cloned) {
        this.instrumentation = instrumentation;
        this.constructed = constructed;
        this.failed = failed;
        this.cloned = cloned;
    }

    /**
     * Ensures that {@code loader} resolves a hook with the sinks installed; throws if it cannot.
     *
     * <p>No lock is held while calling into the loader: this runs inside class loading, where the
     * loading thread may hold its loader's lock, and a lock of ours taken around a call into
     * another loader could close a cycle between two loading threads. Two threads that race here
     * both find or define the class (the loser of a define race gets a {@link LinkageError} and
     * looks the winner's up) and both install the same sinks, which is harmless.
     */
    void ensure(ClassLoader loader) throws ReflectiveOperationException, IOException {
        if (loader == null || ready.containsKey(loader)) {
            return;
        }
        Class<?> hook;
        try {
            hook = Class.forName(HOOK, false, loader);
        } catch (ClassNotFoundException invisible) {
            hook = defineCopy(loader);
        }
        if (hook != SlabHook.class) {
            hook.getMethod("install", BiConsumer.class, BiConsumer.class, BiConsumer.class)
                    .invoke(null, constructed, failed, cloned);
        }
        ready.put(loader, Boolean.TRUE);
    }

    /**
     * Turns every copy of the hook this agent installed into a no-op ({@link SlabHook#uninstall}),
     * the agent's own copy and those in other loaders alike; for detach. Never throws: a copy
     * that cannot be reached belongs to a loader that is going away.
     */
    void uninstallAll() {
        SlabHook.uninstall();
        ClassLoader[] loaders;
        synchronized (ready) {
            loaders = ready.keySet().toArray(new ClassLoader[0]);
        }
        for (ClassLoader loader : loaders) {
            try {
                Class<?> hook = Class.forName(HOOK, false, loader);
                if (hook != SlabHook.class) {
                    // install(null, null), not uninstall(): a loader's own copy may be of an older jslab.
                    hook.getMethod("install", BiConsumer.class, BiConsumer.class).invoke(null, null, null);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unreachable) {
                // As above.
            }
        }
        ready.clear();
    }

    private Class<?> defineCopy(ClassLoader loader) throws ReflectiveOperationException, IOException {
        byte[] bytes;
        try (InputStream in = SlabHook.class.getResourceAsStream("SlabHook.class")) {
            if (in == null) {
                throw new IOException("the agent's own SlabHook.class cannot be read");
            }
            bytes = in.readAllBytes();
        }
        try {
            return (Class<?>) defineClassMethod().invoke(loader, HOOK, bytes, 0, bytes.length, null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError) {
                // Another thread of the application defined or loaded it meanwhile.
                return Class.forName(HOOK, false, loader);
            }
            throw e;
        }
    }

    private synchronized Method defineClassMethod() throws NoSuchMethodException {
        Method method = defineClass;
        if (method == null) {
            Module base = Object.class.getModule();
            Module agent = HookReachability.class.getModule();
            if (!base.isOpen("java.lang", agent)) {
                instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(agent)),
                        Set.of(), Map.of());
            }
            method = ClassLoader.class.getDeclaredMethod("defineClass",
                    String.class, byte[].class, int.class, int.class, java.security.ProtectionDomain.class);
            method.setAccessible(true);
            defineClass = method;
        }
        return method;
    }
}
