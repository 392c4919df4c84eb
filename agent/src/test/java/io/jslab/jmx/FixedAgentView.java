package io.jslab.jmx;

import java.util.List;

/** An {@link AgentView} with given values, for tests that do not start the agent. */
record FixedAgentView(String version, String options, List<String> instrumentedClasses, long errors,
                      String lastError, OwnCost ownCost) implements AgentView {

    static FixedAgentView sample() {
        return new FixedAgentView("0.1.0-test", "include=com.acme.*,jmx=true",
                List.of("com.acme.Order", "com.acme.Outer$Node"), 2, "com.acme.Broken: bad constant pool",
                new FixedCost(1234, 36_000, 4L << 20, 2500.5, OwnCost.UNLIMITED));
    }

    /** Given cost figures. */
    record FixedCost(long cpuTimeMillis, long recordHeapBytes, long arenaMappedBytes, double watchedPerSecond,
                     long watchBudget) implements OwnCost {}
}
