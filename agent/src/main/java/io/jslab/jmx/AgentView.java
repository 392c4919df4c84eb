package io.jslab.jmx;

import java.util.List;

/** What the {@code io.jslab:type=Agent} MBean shows of the running agent; implemented by the agent. */
public interface AgentView {

    String version();

    /** The option string the agent was started with, as given. */
    String options();

    /** Names of the classes instrumented so far. */
    List<String> instrumentedClasses();

    /** Internal failures counted so far (instrumentation, tracking), none of which reached the host. */
    long errors();

    /** The last of those failures as one line, or an empty string. */
    String lastError();

    /** What jslab costs the JVM; {@link OwnCost#NONE} while nothing runs. */
    OwnCost ownCost();
}
