package io.jslab.jmx;

import com.sun.tools.attach.VirtualMachine;
import fixture.jmx.JmxWorkload;
import io.jslab.testing.Artifacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JVM running {@link JmxWorkload} with the real shaded agent jar, driven line by line over its
 * stdin and stdout, and read through the JVM's own JMX connectors.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<JMXConnector> connectors = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException closed) {
                // The child ended.
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the workload with {@code orders} orders under {@code -javaagent:<jar>=<options>}, or
     * without the agent when {@code agentOptions} is null (to attach it later).
     */
    static ChildJvm start(String agentOptions, int orders, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        if (agentOptions != null) {
            command.add("-javaagent:" + Artifacts.agentJar() + "=" + agentOptions);
        } else {
            // JDK 21+ warns about a dynamically loaded agent unless this says it is expected.
            command.add("-XX:+EnableDynamicAgentLoading");
        }
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(Artifacts.locationOf(JmxWorkload.class));
        command.add(JmxWorkload.class.getName());
        command.add(Integer.toString(orders));
        ChildJvm child = new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        child.expect("ready");
        return child;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sends one command and waits for the workload's {@code done}. */
    void send(String command) throws Exception {
        commands.write(command + "\n");
        commands.flush();
        expect("done");
    }

    private void expect(String line) throws InterruptedException {
        String got = output.poll(60, TimeUnit.SECONDS);
        if (!line.equals(got)) {
            throw new IllegalStateException("child said " + got + ", expected " + line);
        }
    }

    /** Loads the agent into the running workload, as {@code jslab attach} does. */
    void attachAgent(String agentOptions) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
        try {
            vm.loadAgent(Artifacts.agentJar().toString(), agentOptions);
        } finally {
            vm.detach();
        }
    }

    /** The attach API's local connector: what JConsole's "Local Process" list uses. */
    MBeanServerConnection localConnection() throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return connect(new JMXServiceURL(address));
    }

    /** The JVM's own remote RMI connector, started by {@code -Dcom.sun.management.jmxremote.port}. */
    MBeanServerConnection remoteConnection(int port) throws Exception {
        return connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
    }

    private MBeanServerConnection connect(JMXServiceURL url) throws IOException {
        JMXConnector connector = JMXConnectorFactory.connect(url);
        connectors.add(connector);
        return connector.getMBeanServerConnection();
    }

    /** Closes the connections and stdin (the workload then ends), killing it if it lingers. */
    @Override
    public void close() throws IOException {
        for (JMXConnector connector : connectors) {
            try {
                connector.close();
            } catch (IOException ignored) {
                // The child may already be gone.
            }
        }
        try {
            commands.close();
        } finally {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
