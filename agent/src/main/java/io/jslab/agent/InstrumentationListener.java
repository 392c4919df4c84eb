package io.jslab.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Byte Buddy's events, turned into the agent's status: each rewritten class once, each failure as
 * an error. A failed transformation leaves the class as it was; the JVM loads it unchanged.
 */
final class InstrumentationListener extends AgentBuilder.Listener.Adapter {

    private final AgentStatus status;

    InstrumentationListener(AgentStatus status) {
        this.status = status;
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                 DynamicType dynamicType) {
        status.instrumented(type.getName());
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
        status.error("cannot instrument " + typeName + ", it stays unchanged", rootCause(throwable));
    }

    @Override
    public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
        ClassFilePool.forget();
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
