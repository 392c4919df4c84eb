package io.jslab.cli;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What a test reads of a target JVM over its local JMX: jslab's MBeans (canonical names), jslab's
 * threads, and the {@code Agent} MBean's {@code Options} (null without that MBean).
 */
record TargetState(Set<String> mbeans, List<String> jslabThreads, String agentOptions) {

    static TargetState of(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection c = connector.getMBeanServerConnection();
            Set<String> names = c.queryNames(new ObjectName("io.jslab:*"), null).stream()
                    .map(ObjectName::getCanonicalName).collect(Collectors.toCollection(TreeSet::new));
            ThreadMXBean threads = JMX.newMXBeanProxy(c, new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME), ThreadMXBean.class);
            List<String> jslab = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull)
                    .map(ThreadInfo::getThreadName).filter(name -> name.startsWith("jslab")).sorted().toList();
            ObjectName agent = new ObjectName("io.jslab:type=Agent");
            String options = c.isRegistered(agent) ? (String) c.getAttribute(agent, "Options") : null;
            return new TargetState(names, jslab, options);
        } finally {
            vm.detach();
        }
    }
}
