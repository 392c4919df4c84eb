package io.jslab.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.jslab.SlabAllocated;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the constructor rewrite into the JVM with Byte Buddy's agent builder.
 *
 * <p>Choices, each for a reason:
 * <ul>
 * <li>Retransformation: at attach, already-loaded selected classes are rewritten too.
 *     Retransformation may not change a class's shape, hence
 *     {@code disableClassFormatChanges()}, and the {@code DECORATE} type strategy, which runs
 *     only the ASM wrapper over the class file and keeps every member as it is.</li>
 * <li>Matching on type descriptions read by the pool, never on loaded classes: the class being
 *     matched is being loaded.</li>
 * <li>The ignore matcher replaces Byte Buddy's default one: the selection has its own never-list,
 *     and classes of the boot loader are never selected (no loader could have the hook in it).</li>
 * <li>No validation and no type-initializer handling: nothing is added to the class.</li>
 * </ul>
 */
final class Instrumenter {

    private final ClassSelection selection;
    private final HookReachability hooks;
    private final AgentStatus status;

    Instrumenter(ClassSelection selection, HookReachability hooks, AgentStatus status) {
        this.selection = selection;
        this.hooks = hooks;
        this.status = status;
    }

    /**
     * @param retransform whether classes already loaded are rewritten too: at attach and when the
     *                    selection changes. Under
     *                    {@code -javaagent} no application class is loaded yet, and walking the
     *                    JDK's few hundred loaded classes would only cost start-up time.
     */
    ResettableClassFileTransformer install(Instrumentation instrumentation, boolean retransform) {
        return builder(retransform).installOn(instrumentation);
    }

    /**
     * The same transformer, not installed, for {@link SelectionPrefilter} to call: declared as
     * the JDK's interface so that the caller's code names no Byte Buddy type.
     */
    ClassFileTransformer makeRaw() {
        return builder(false).makeRaw();
    }

    private AgentBuilder builder(boolean retransform) {
        ElementMatcher<TypeDescription> candidates = selection::isCandidate;
        AgentBuilder builder = quietAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE);
        // Retransformation-capable in both cases, so that detach can give every class its
        // original bytes back by retransforming it without this transformer; under -javaagent no
        // class is discovered (redefineOnly of none), so start-up retransforms nothing.
        AgentBuilder.RedefinitionListenable.WithoutBatchStrategy retransforming =
                builder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        builder = (retransform ? retransforming : retransforming.redefineOnly())
                .with(new RetransformationFailures(status));
        return builder
                .with(ClassFilePool.STRATEGY)
                .with(AgentBuilder.LocationStrategy.ForClassLoader.STRONG.withFallbackTo(annotationClassFile()))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new InstrumentationListener(status))
                .ignore(any(), isBootstrapClassLoader())
                .or(not(candidates))
                .type(selection.typeMatcher())
                .transform((typeBuilder, type, loader, module, domain) -> {
                    try {
                        hooks.ensure(loader);
                    } catch (Exception | LinkageError e) {
                        throw new IllegalStateException("the hook cannot be made visible to its class loader", e);
                    }
                    return typeBuilder.visit(new ConstructorRewrite(selection.selectsWholeClass(type),
                            ClassFileLocator.ForClassLoader.of(loader),
                            problem -> status.error(problem, null)));
                });
    }

    /**
     * The annotation's own class file, for loaders that cannot see it (a loader whose parent is
     * null): their classes still carry {@code @SlabAllocated}, and wherever Byte Buddy reads
     * more of an annotation than its name it needs the annotation's class file.
     */
    private static ClassFileLocator annotationClassFile() {
        try {
            return ClassFileLocator.Simple.of(SlabAllocated.class.getName(), ClassFileLocator.ForClassLoader.read(SlabAllocated.class));
        } catch (RuntimeException unreadable) {
            return ClassFileLocator.NoOp.INSTANCE;
        }
    }

    /**
     * An agent builder made without its "nexus": by default the builder's constructor prepares
     * to inject a helper class into the system class loader, which on JDK 24 and later makes the
     * JVM print {@code sun.misc.Unsafe} warnings (Byte Buddy's class injector initializes its
     * Unsafe fallback). This agent initializes nothing in the classes it rewrites, so it needs no
     * nexus; Byte Buddy's own switch turns it off. The switch is read once, when Byte Buddy's
     * (relocated) nexus accessor initializes, so it is set for that moment only and then restored.
     * The shade plugin relocates the property name along with Byte Buddy.
     */
    private static AgentBuilder quietAgentBuilder() {
        String nexusSwitch = "net.bytebuddy.nexus.disabled";
        String before = System.getProperty(nexusSwitch);
        System.setProperty(nexusSwitch, "true");
        try {
            return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED));
        } finally {
            if (before == null) {
                System.clearProperty(nexusSwitch);
            } else {
                System.setProperty(nexusSwitch, before);
            }
        }
    }
}
