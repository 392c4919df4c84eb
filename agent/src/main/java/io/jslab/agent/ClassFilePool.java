package io.jslab.agent;

import java.io.IOException;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Hands the class file being transformed to the constructor rewrite.
 *
 * <p>The rewrite must scan a class's constructors before rewriting any of them
 * ({@link ConstructorScan}), but an ASM visitor wrapper is handed no class file, and the class's
 * loader may have none to give (classes defined from bytes, by Byte Buddy for one). Byte Buddy's
 * agent builder asks its pool strategy for a type pool once per class file it transforms, on the
 * transforming thread, with a locator that serves the very bytes the JVM passed in; this strategy
 * keeps that locator for the thread until the rewrite takes it ({@link #classFile}).
 */
final class ClassFilePool {

    private record Current(String typeName, ClassFileLocator locator) {}

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private ClassFilePool() {}

    /** Byte Buddy's fast default pools, remembering each transformation's locator. */
    static final AgentBuilder.PoolStrategy STRATEGY = new AgentBuilder.PoolStrategy() {
        @Override
        public TypePool typePool(ClassFileLocator locator, ClassLoader loader) {
            return AgentBuilder.PoolStrategy.Default.FAST.typePool(locator, loader);
        }

        @Override
        public TypePool typePool(ClassFileLocator locator, ClassLoader loader, String name) {
            CURRENT.set(new Current(name, locator));
            return AgentBuilder.PoolStrategy.Default.FAST.typePool(locator, loader, name);
        }
    };

    /** Forgets the thread's locator once a transformation is complete, so no class file stays reachable. */
    static void forget() {
        CURRENT.remove();
    }

    /** The class file of {@code typeName} as this thread's transformation got it, else from {@code fallback}. */
    static byte[] classFile(String typeName, ClassFileLocator fallback) throws IOException {
        Current current = CURRENT.get();
        ClassFileLocator locator = current != null && current.typeName().equals(typeName) ? current.locator() : fallback;
        ClassFileLocator.Resolution resolution = locator.locate(typeName);
        if (!resolution.isResolved()) {
            throw new IOException("the class file of " + typeName + " cannot be found");
        }
        return resolution.resolve();
    }
}
