package io.jslab.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry: {@code premain} for {@code -javaagent}, {@code agentmain} for a dynamic
 * attach. Both go through one idempotent {@link #install}.
 *
 * <p>Nothing escapes to the JVM. Under {@code -javaagent} a bad option is one line on stderr,
 * {@code jslab: <message>}, and {@code System.exit(1)} before {@code main} (a thrown exception
 * would print a stack trace and still start nothing useful). Under attach the target keeps
 * running untouched; the outcome goes to the system property {@value #ATTACH_PROPERTY}, one line
 * the attaching command reads back:
 * <pre>
 *   ok &lt;version&gt; &lt;n&gt; classes instrumented
 *   reselected &lt;version&gt; &lt;n&gt; classes instrumented; &lt;m&gt; left[: &lt;names&gt;]
 *   already loaded &lt;version&gt;: selection unchanged, &lt;n&gt; classes instrumented
 *   error: &lt;message&gt;
 * </pre>
 * A second attach with {@code include} or {@code exclude} changes the selection
 * ({@link AgentRuntime#reselect}); one without them leaves it as it is. The option string
 * {@value #DETACH} undoes the attach ({@link AgentRuntime#detach}) and answers in
 * {@value #DETACH_PROPERTY}: {@code ok <version> <n> classes restored} or {@code error: <message>}.
 * While the agent is loaded, {@value #VERSION_PROPERTY} holds its version. That property is also
 * how a second copy of the agent (another jar, another loader) knows it must not install.
 */
public final class JslabAgent {

    public static final String ATTACH_PROPERTY = "io.jslab.agent.attach";
    public static final String VERSION_PROPERTY = "io.jslab.agent.version";
    public static final String DETACH_PROPERTY = "io.jslab.agent.detach";
    static final String DETACH = "detach";

    private static final String CANNOT_START = "error: the agent cannot start: ";

    private static AgentRuntime running;

    private JslabAgent() {}

    public static void premain(String options, Instrumentation instrumentation) {
        String outcome = install(options, instrumentation, false);
        if (outcome.startsWith(CANNOT_START)) {
            // Not the user's mistake: the application runs on, without the agent, and is told once.
            System.err.println("jslab: " + outcome.substring("error: ".length()) + "; running without jslab");
        } else if (outcome.startsWith("error: ")) {
            System.err.println("jslab: " + outcome.substring("error: ".length()));
            System.err.flush();
            System.exit(1);
        }
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        try {
            if (options != null && options.trim().equals(DETACH)) {
                System.setProperty(DETACH_PROPERTY, detach());
            } else {
                System.setProperty(ATTACH_PROPERTY, install(options, instrumentation, true));
            }
        } catch (Throwable t) {
            // Only a failing setProperty could land here; the target must stay untouched.
        }
    }

    /** Installs the agent once per JVM and returns the outcome line; never throws. */
    static synchronized String install(String options, Instrumentation instrumentation, boolean attached) {
        String version = version();
        try {
            String loaded = System.getProperty(VERSION_PROPERTY);
            if (running == null && loaded != null) {
                return "error: jslab " + loaded + " was loaded by another copy of the agent, which this one cannot change";
            }
            AgentOptions parsed;
            try {
                parsed = AgentOptions.parse(options);
            } catch (IllegalArgumentException badOption) {
                return "error: " + badOption.getMessage();
            }
            if (running != null) {
                return running.secondAttach(parsed, version);
            }
            running = AgentRuntime.start(parsed, instrumentation, version, attached);
            System.setProperty(VERSION_PROPERTY, version);
            System.clearProperty(DETACH_PROPERTY); // the answer of an earlier detach is over
            return "ok " + version + " " + running.instrumentedAtStart() + " classes instrumented";
        } catch (Throwable t) {
            return CANNOT_START + AgentStatus.describe(t);
        }
    }

    /** Undoes the install; the next attach starts from nothing. Never throws. */
    static synchronized String detach() {
        try {
            if (running == null) {
                String loaded = System.getProperty(VERSION_PROPERTY);
                return "error: " + (loaded == null ? "jslab is not loaded"
                        : "jslab " + loaded + " was loaded by another copy of the agent, which this one cannot detach");
            }
            AgentRuntime detaching = running;
            running = null;
            System.clearProperty(VERSION_PROPERTY);
            int restored = detaching.detach();
            return "ok " + version() + " " + restored + " classes restored";
        } catch (Throwable t) {
            return "error: the agent cannot detach: " + AgentStatus.describe(t);
        }
    }

    /** The jar manifest's {@code Implementation-Version}, or {@code dev} outside the jar. */
    static String version() {
        String version = JslabAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
