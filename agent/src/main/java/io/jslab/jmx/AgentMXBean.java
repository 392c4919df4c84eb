package io.jslab.jmx;

/** {@code io.jslab:type=Agent}: the running agent. */
public interface AgentMXBean {

    String getVersion();

    String getOptions();

    /** How many classes are instrumented: a number, so JConsole can chart it. */
    int getInstrumentedClasses();

    /** Their names, for reading; JConsole shows a String[] as a list. */
    String[] getInstrumentedClassNames();

    long getErrors();

    String getLastError();

    /** CPU time of jslab's own threads, milliseconds; -1 where the JVM cannot tell. */
    long getCpuTimeMillis();

    /** Heap bytes jslab's records take. */
    long getRecordHeapBytes();

    /** Off-heap bytes the arena has mapped. */
    long getArenaMappedBytes();

    /** Objects watched per second, over the last few seconds. */
    double getWatchedPerSecond();

    /** Watched objects per second allowed; -1: no budget, every tracked object is watched. */
    long getWatchBudget();
}
