package io.jslab.agent;

import io.jslab.jmx.AgentView;
import io.jslab.jmx.OwnCost;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the running agent has done: the classes it instrumented and the internal failures it
 * counted, shown by the Agent MBean and, with {@code verbose=true}, printed as they happen.
 *
 * <p>Without {@code verbose} it prints nothing at all: the agent runs in other people's
 * applications, whose consoles are theirs. Lines go to {@link System#err} as it is when they are
 * printed, with the prefix {@code jslab: }, since logging may not be set up yet.
 */
final class AgentStatus implements AgentView {

    private final String version;
    private volatile String options;
    private final boolean verbose;
    private final List<String> instrumented = new CopyOnWriteArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError = "";
    private volatile OwnCost cost = OwnCost.NONE;

    AgentStatus(String version, String options, boolean verbose) {
        this.version = version;
        this.options = options;
        this.verbose = verbose;
    }

    /** From now on the Agent MBean reads jslab's cost from {@code source}; NONE once it stops. */
    void measureCost(OwnCost source) {
        cost = source;
    }

    /** The options in force after a new selection (the Agent MBean's {@code Options}). */
    void options(String inForce) {
        options = inForce;
    }

    /** Forgets the instrumented classes: a new selection reports its own. */
    void clearInstrumented() {
        instrumented.clear();
    }

    void instrumented(String className) {
        instrumented.add(className);
        print("instrumented " + className);
    }

    /** Counts and records an internal failure; {@code cause} may be null. */
    void error(String oneLine, Throwable cause) {
        String line = cause == null ? oneLine : oneLine + ": " + describe(cause);
        errors.incrementAndGet();
        lastError = line;
        print("error: " + line);
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = message == null ? cause.getClass().getName() : cause.getClass().getSimpleName() + ": " + message;
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private void print(String line) {
        if (verbose) {
            PrintStream err = System.err;
            err.println("jslab: " + line);
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String options() {
        return options;
    }

    @Override
    public List<String> instrumentedClasses() {
        return List.copyOf(instrumented);
    }

    @Override
    public long errors() {
        return errors.get();
    }

    @Override
    public String lastError() {
        return lastError;
    }

    @Override
    public OwnCost ownCost() {
        return cost;
    }
}
