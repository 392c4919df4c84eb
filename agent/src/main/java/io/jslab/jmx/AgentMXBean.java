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
}
