package io.jslab.agent;

import java.io.IOException;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * A type pool that also hands out the class file being transformed.
 *
 * <p>The constructor rewrite must scan a class's constructors before rewriting any of them
 * ({@link ConstructorScan}), but an ASM visitor wrapper is handed no class file. Byte Buddy's
 * agent builder does build each type pool over a locator that serves the very bytes the JVM passed
 * to the transformer (the buffer, ahead of the class loader's resources), and passes that pool to
 * the wrapper; this pool keeps the locator so the wrapper can read the same bytes back.
 */
final class ClassFilePool implements TypePool {

    private final TypePool delegate;
    private final ClassFileLocator locator;

    private ClassFilePool(TypePool delegate, ClassFileLocator locator) {
        this.delegate = delegate;
        this.locator = locator;
    }

    /** The pool strategy that makes these pools, over Byte Buddy's fast default. */
    static final AgentBuilder.PoolStrategy STRATEGY = new AgentBuilder.PoolStrategy() {
        @Override
        public TypePool typePool(ClassFileLocator locator, ClassLoader loader) {
            return new ClassFilePool(AgentBuilder.PoolStrategy.Default.FAST.typePool(locator, loader), locator);
        }

        @Override
        public TypePool typePool(ClassFileLocator locator, ClassLoader loader, String name) {
            return new ClassFilePool(AgentBuilder.PoolStrategy.Default.FAST.typePool(locator, loader, name), locator);
        }
    };

    /** The class file of {@code typeName} as {@code pool}'s locator serves it, else {@code fallback}'s. */
    static byte[] classFile(TypePool pool, String typeName, ClassFileLocator fallback) throws IOException {
        ClassFileLocator locator = pool instanceof ClassFilePool classFilePool ? classFilePool.locator : fallback;
        ClassFileLocator.Resolution resolution = locator.locate(typeName);
        if (!resolution.isResolved()) {
            throw new IOException("the class file of " + typeName + " cannot be found");
        }
        return resolution.resolve();
    }

    @Override
    public Resolution describe(String name) {
        return delegate.describe(name);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
