package io.jslab.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.not;

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
 * <li>Retransformation: at attach, already-loaded selected classes are rewritten too
 *     (under {@code -javaagent} the few classes loaded before {@code premain} are as well).
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

    ResettableClassFileTransformer install(Instrumentation instrumentation) {
        ElementMatcher<TypeDescription> candidates = selection::isCandidate;
        return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(ClassFilePool.STRATEGY)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new InstrumentationListener(status))
                .ignore(any(), isBootstrapClassLoader())
                .or(not(candidates))
                .type(selection.typeMatcher())
                .transform((builder, type, loader, module, domain) -> {
                    try {
                        hooks.ensure(loader);
                    } catch (Exception | LinkageError e) {
                        throw new IllegalStateException("the hook cannot be made visible to its class loader", e);
                    }
                    return builder.visit(new ConstructorRewrite(selection.selectsWholeClass(type),
                            ClassFileLocator.ForClassLoader.of(loader),
                            problem -> status.error(problem, null)));
                })
                .installOn(instrumentation);
    }
}
