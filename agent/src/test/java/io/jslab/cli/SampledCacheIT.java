package io.jslab.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import fixture.hot.HotLoopMain;
import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A class constructed far faster than its share of the watch budget, under the real jar: its
 * cache is an estimate, marked in {@code top}, every construction still counted; JConsole's way
 * of making it exact (setting {@code Exact} through the JVM's own local connector) watches every
 * object, and setting it back samples again.
 */
class SampledCacheIT {

    private static final String CACHE = "fixture.hot.Particle";

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void aHotClassIsEstimatedMarkedInTopAndMadeExactFromJmx(Jdks.Jdk jdk) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-Xmx256m",
                "-javaagent:" + Artifacts.agentJar() + "=include=fixture.hot.Particle,track.budget=2k",
                "-cp", Artifacts.locationOf(HotLoopMain.class), HotLoopMain.class.getName(), "20000"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("running", out.readLine());
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection c = connector.getMBeanServerConnection();
                ObjectName cache = new ObjectName("io.jslab:type=SlabCache,name=" + CACHE);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        c.isRegistered(cache) && !(Boolean) c.getAttribute(cache, "Exact")
                                && (Double) c.getAttribute(cache, "WatchedFraction") < 0.01
                                && (Long) c.getAttribute(cache, "ActiveObjectsError") > 0);

                long first = (Long) c.getAttribute(cache, "Allocations");
                Thread.sleep(300);
                assertTrue((Long) c.getAttribute(cache, "Allocations") > first + 10_000,
                        "every construction is counted, watched or not");

                JarRun top = JarRun.of("top", "-o", process.pid());
                assertEquals(0, top.status(), top.toString());
                Matcher row = Pattern.compile("(?m)^ *(\\d+) +(\\d+) .* " + Pattern.quote(CACHE) + " \\(est\\. \\+-(\\d+)\\) *$")
                        .matcher(top.out());
                assertTrue(row.find(), top.out());
                assertTrue(Long.parseLong(row.group(2)) <= Long.parseLong(row.group(1)), "active_objs <= num_objs");

                c.setAttribute(cache, new Attribute("Exact", true));
                assertEquals(1.0, c.getAttribute(cache, "WatchedFraction"));
                ObjectName memory = new ObjectName("java.lang:type=Memory");
                // The weighted objects die as the ring turns over; once they are collected the
                // cache is a count again.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    c.invoke(memory, "gc", null, null);
                    return (Boolean) c.getAttribute(cache, "Exact")
                            && (Long) c.getAttribute(cache, "ActiveObjectsError") == 0;
                });
                JarRun exactTop = JarRun.of("top", "-o", process.pid());
                assertTrue(exactTop.out().contains(" " + CACHE) && !exactTop.out().contains("(est."), exactTop.out());

                c.setAttribute(cache, new Attribute("Exact", false));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        (Double) c.getAttribute(cache, "WatchedFraction") < 0.01);
            }
            process.getOutputStream().close();
            String last = out.readLine();
            assertTrue(last != null && last.startsWith("checksum "), "the program ran to its end: " + last);
        } finally {
            process.destroyForcibly();
        }
    }
}
