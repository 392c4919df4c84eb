package io.jslab.agent;

import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Reports a batch of already-loaded classes that the JVM refused to retransform at attach (the
 * classes keep running unchanged). Failures of single classes arrive through
 * {@link InstrumentationListener}; this covers the JVM's refusal of a whole batch.
 */
final class RetransformationFailures extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {

    private final AgentStatus status;

    RetransformationFailures(AgentStatus status) {
        this.status = status;
    }

    @Override
    public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable,
                                                      List<Class<?>> types) {
        status.error("cannot retransform " + batch.stream().map(Class::getName).collect(Collectors.joining(", "))
                + ", they stay unchanged", throwable);
        return List.of();
    }
}
