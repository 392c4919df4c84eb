package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class AgentRuntimeTest {

    /** An {@link Instrumentation} that refuses everything, as a JVM without the capability would. */
    private static Instrumentation refusingInstrumentation() {
        return (Instrumentation) Proxy.newProxyInstance(AgentRuntimeTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "refusing instrumentation";
                    case "removeTransformer" -> false;
                    default -> throw new UnsupportedOperationException("refused: " + method.getName());
                });
    }

    private static long reclaimerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("jslab-reclaimer") && thread.isAlive()).count();
    }

    @Test
    void attachThatFailsLeavesNoThreadAndNoMBeanBehind() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName ours = new ObjectName("io.jslab:*");
        Set<ObjectName> namesBefore = server.queryNames(ours, null);
        long reclaimersBefore = reclaimerThreads();

        Exception refused = assertThrows(IllegalStateException.class, () -> AgentRuntime.start(
                AgentOptions.parse("jmx=true"), refusingInstrumentation(), "1.0", true));

        assertEquals("Could not install class file transformer", refused.getMessage());
        assertEquals("refused: addTransformer", refused.getCause().getMessage());
        assertEquals(namesBefore, server.queryNames(ours, null));
        assertEquals(reclaimersBefore, reclaimerThreads());
    }

    /** Under -javaagent the transformer is added before the reclaimer and the MBeans start. */
    @Test
    void premainThatFailsLeavesNoThreadAndNoMBeanBehind() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName ours = new ObjectName("io.jslab:*");
        Set<ObjectName> namesBefore = server.queryNames(ours, null);
        long reclaimersBefore = reclaimerThreads();

        Exception refused = assertThrows(UnsupportedOperationException.class, () -> AgentRuntime.start(
                AgentOptions.parse("jmx=true"), refusingInstrumentation(), "1.0", false));

        assertEquals("refused: addTransformer", refused.getMessage());
        assertEquals(namesBefore, server.queryNames(ours, null));
        assertEquals(reclaimersBefore, reclaimerThreads());
    }
}
