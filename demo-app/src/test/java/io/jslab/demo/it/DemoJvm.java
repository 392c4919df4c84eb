package io.jslab.demo.it;

import static org.awaitility.Awaitility.await;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The demo jar running in its own JVM under {@code -javaagent:} with the real shaded agent jar,
 * its output in a file under {@code target/}, read over the attach API's local JMX connector.
 */
final class DemoJvm implements AutoCloseable {

    private static final Pattern HISTOGRAM_ROW =
            Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)", Pattern.MULTILINE);

    private final Process process;
    private final Path log;
    private JMXConnector connector;

    private DemoJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmOptions> -javaagent:<agent>=<agentOptions> -jar <demo> <demoArgs>}. */
    static DemoJvm start(Jdks.Jdk jdk, String name, List<String> jvmOptions, String agentOptions,
                         String... demoArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java());
        command.addAll(jvmOptions);
        command.add("-javaagent:" + jar("jslab.agent.jar") + "=" + agentOptions);
        command.add("-jar");
        command.add(jar("jslab.demo.jar").toString());
        command.addAll(List.of(demoArgs));
        Path log = jar("jslab.demo.jar").resolveSibling(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new DemoJvm(process, log);
    }

    static Path jar(String property) {
        String jar = System.getProperty(property);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property " + property + " must name a built jar; was " + jar);
        }
        return Path.of(jar);
    }

    /**
     * The JVM's platform MBean server, through the attach API's local connector. A JVM still
     * starting (its agent's premain running) refuses the attach or fails to start the connector,
     * so this retries until the connector is up.
     */
    MBeanServerConnection jmx() throws Exception {
        if (connector == null) {
            connector = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(this::connect, Objects::nonNull);
        }
        return connector.getMBeanServerConnection();
    }

    private JMXConnector connect() throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException("the demo ended with status " + process.exitValue() + ":\n" + output());
        }
        VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(address));
    }

    /**
     * Runs {@code GC.class_histogram} (a full collection first) through the DiagnosticCommand
     * MBean and returns the instance count of each class, by name.
     */
    Map<String, Long> classHistogram() throws Exception {
        String text = (String) jmx().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(text);
        while (row.find()) {
            counts.put(row.group(2), Long.parseLong(row.group(1)));
        }
        return counts;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the JVM to end by itself and returns its exit status. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the demo did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Closes the connection and stops the JVM as Ctrl-C would (SIGTERM: the demo's shutdown hook runs). */
    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException gone) {
                // The JVM may have ended already.
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
