package io.jslab.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JVM reached through the JDK's attach API, with every failure of that API turned into a
 * one-line {@link CliException}. The attach API reports trouble in many types (no such process is
 * an {@code IOException}, a process that never answers an {@code AttachNotSupportedException}
 * after a 10 s wait), so the obvious cases are told apart before attaching.
 */
final class TargetJvm implements AutoCloseable {

    /** SIGQUIT is signal 3, bit 2 of the caught-signals mask in /proc/<pid>/status. */
    private static final long SIGQUIT_BIT = 1L << (3 - 1);

    private final long pid;
    private final VirtualMachine vm;
    private JMXConnector connector;

    private TargetJvm(long pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    static TargetJvm attach(long pid) {
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new CliException("no process with pid " + pid));
        if (pid == ProcessHandle.current().pid()) {
            throw new CliException("process " + pid + " is this jslab command itself");
        }
        if (!mayBeJvm(pid)) {
            throw new CliException("process " + pid + commandOf(process) + " is not a JVM");
        }
        try {
            return new TargetJvm(pid, VirtualMachine.attach(Long.toString(pid)));
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            throw new CliException("cannot attach to JVM " + pid + commandOf(process) + ": "
                    + Messages.of(e));
        }
    }

    long pid() {
        return pid;
    }

    Properties systemProperties() {
        try {
            return vm.getSystemProperties();
        } catch (IOException | RuntimeException e) {
            throw lost("reading its system properties", e);
        }
    }

    /** The JVM's own properties, among them {@code sun.jvm.args}, its command-line flags. */
    Properties agentProperties() {
        try {
            return vm.getAgentProperties();
        } catch (IOException | RuntimeException e) {
            throw lost("reading its agent properties", e);
        }
    }

    void loadAgent(Path jar, String options) {
        try {
            vm.loadAgent(jar.toString(), options);
        } catch (AgentLoadException e) {
            throw new CliException("JVM " + pid + " could not load the agent " + jar + ": "
                    + Messages.of(e));
        } catch (AgentInitializationException e) {
            throw new CliException("the agent failed to start in JVM " + pid + ": " + Messages.of(e));
        } catch (IOException | RuntimeException e) {
            throw lost("loading the agent", e);
        }
    }

    /** The platform MBean server of the target, through its local JMX connector (started if need be). */
    MBeanServerConnection jmx() {
        try {
            String address = vm.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return connector.getMBeanServerConnection();
        } catch (IOException | RuntimeException e) {
            throw lost("connecting to its JMX", e);
        }
    }

    CliException lost(String doing, Exception e) {
        return new CliException("lost JVM " + pid + " while " + doing + ": " + Messages.of(e));
    }

    @Override
    public void close() {
        try {
            if (connector != null) {
                connector.close();
            }
        } catch (IOException e) {
            // the target may have gone; nothing left to release on our side
        }
        try {
            vm.detach();
        } catch (IOException e) {
            // same: detaching from a JVM that ended is a no-op
        }
    }

    /** The JVMs the attach API lists on this machine (as jps), each as {pid, display name}. */
    static List<String[]> listed() {
        return VirtualMachine.list().stream().map(d -> new String[] {d.id(), d.displayName()}).toList();
    }

    /**
     * The jslab version loaded in a listed JVM, attaching briefly to read its system property:
     * empty when jslab is not loaded, null when the JVM could not be read.
     */
    static String jslabVersion(String id) {
        try {
            VirtualMachine vm = VirtualMachine.attach(id);
            try {
                return vm.getSystemProperties().getProperty(JslabMBeans.VERSION_PROPERTY, "");
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A listed JVM (its hsperfdata file) is one. Otherwise, on Linux, a HotSpot JVM maps
     * {@code libjvm.so}; a process that does not is declared no JVM at once. This matters: the
     * attach API wakes a JVM with SIGQUIT, which would wait 10 s on any other process that catches
     * it and, sent to an init like tini, would be passed on to its child. Where the map cannot be
     * read, a process that does not catch SIGQUIT is no JVM either; else attaching decides.
     */
    private static boolean mayBeJvm(long pid) {
        String id = Long.toString(pid);
        if (VirtualMachine.list().stream().anyMatch(d -> d.id().equals(id))) {
            return true;
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc", id, "maps"))) {
            return maps.anyMatch(line -> line.endsWith("/libjvm.so"));
        } catch (IOException | RuntimeException e) {
            // not Linux, or not ours to read: look at the signals it catches
        }
        try (Stream<String> status = Files.lines(Path.of("/proc", id, "status"))) {
            return status.filter(line -> line.startsWith("SigCgt:"))
                    .map(line -> Long.parseUnsignedLong(line.substring(7).strip(), 16))
                    .allMatch(caught -> (caught & SIGQUIT_BIT) != 0);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static String commandOf(ProcessHandle process) {
        return process.info().command()
                .map(c -> " (" + Path.of(c).getFileName() + ")")
                .orElse("");
    }
}
