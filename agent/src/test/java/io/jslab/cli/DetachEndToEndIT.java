package io.jslab.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real jar's {@code detach} on every target JDK: the classes get their original code back, the
 * application computes on, {@code list} shows jslab gone, the arena's mappings go, and a later
 * {@code attach} with other options works as a first one would. A JVM started with
 * {@code -javaagent} detaches too.
 */
class DetachEndToEndIT {

    static final String NL = System.lineSeparator();
    static final String INCLUDE = "include=org.example.churn.*";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void detachRestoresTheClassesAndALaterAttachStartsAfresh(Jdks.Jdk jdk) {
        String version = Artifacts.agentVersion();
        try (ChurnJvm target = ChurnJvm.start(jdk.home())) {
            long pid = target.pid();
            assertEquals(0, JarRun.of("attach", pid, INCLUDE).status());
            assertEquals("widgets 300", target.ask("widgets 300"));
            assertTrue(arenaMappings(pid) > 0, "the arena maps a chunk for the widgets");

            // ChurnApp was retransformed at attach, Widget rewritten as it loaded
            assertEquals(new JarRun(0, "jslab " + version + " detached from JVM " + pid + ": 2 classes restored" + NL, ""),
                    JarRun.of("detach", pid));

            assertEquals("widgets 600", target.ask("widgets 300"), "the application computes on");
            assertEquals(new JarRun(1, "", "jslab is not loaded in JVM " + pid
                    + ": attach it first with 'java -jar jslab-agent.jar attach " + pid + "'" + NL), JarRun.of("slabinfo", pid));
            assertTrue(Pattern.compile("(?m)^ *" + pid + "  -  +org\\.example\\.churn\\.ChurnApp$")
                    .matcher(JarRun.of("list").out()).find(), "list shows jslab not loaded");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                collectGarbage(jdk, pid);
                return arenaMappings(pid) == 0;
            });

            // Other options, as a first attach: only Gadget selected, a small arena
            assertEquals(new JarRun(0, "jslab " + version + " attached to JVM " + pid + ": 0 classes instrumented" + NL, ""),
                    JarRun.of("attach", pid, "include=org.example.churn.Gadget,arena.max=4m"));
            assertEquals("widgets 700", target.ask("widgets 100"));
            assertEquals("gadgets 50", target.ask("gadgets 50"));
            String slabinfo = AttachEndToEndIT.SLABINFO_HEADER
                    + "org.example.churn.Gadget     50    102     40  102    1 : tunables    0    0    0 : slabdata      1      1      0\n";
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertEquals(new JarRun(0, slabinfo, ""), JarRun.of("slabinfo", pid)));
            assertTrue(target.isAlive());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void aJvmStartedWithTheAgentDetachesToo(Jdks.Jdk jdk) throws Exception {
        String version = Artifacts.agentVersion();
        Path redefinitions = Files.createTempFile("jslab-redefinitions", ".log");
        try (ChurnJvm target = ChurnJvm.start(jdk.home(), "-Xlog:redefine+class+load=info:file=" + redefinitions,
                "-javaagent:" + Artifacts.agentJar() + "=" + INCLUDE)) {
            long pid = target.pid();
            assertEquals("widgets 10", target.ask("widgets 10"));
            assertEquals(Set.of("io.jslab:type=Agent", "io.jslab:type=SlabInfo", "io.jslab:type=BuddyArena",
                    "io.jslab:name=org.example.churn.Widget,type=SlabCache"), TargetState.of(pid).mbeans());
            assertEquals(List.of(), redefined(redefinitions), "under -javaagent the start retransforms nothing");

            assertEquals(new JarRun(0, "jslab " + version + " detached from JVM " + pid + ": 2 classes restored" + NL, ""),
                    JarRun.of("detach", pid));

            // Retransformed once each, with no jslab transformer left: the JVM's own class file back
            assertEquals(List.of("org.example.churn.ChurnApp, count=1", "org.example.churn.Widget, count=1"),
                    redefined(redefinitions));
            TargetState after = TargetState.of(pid);
            assertEquals(Set.of(), after.mbeans(), "the MBeans are unregistered");
            assertEquals(List.of(), after.jslabThreads(), "jslab's threads have ended");

            assertEquals("widgets 20", target.ask("widgets 10"));
            assertEquals(new JarRun(1, "", "jslab is not loaded in JVM " + pid + ": nothing to detach" + NL),
                    JarRun.of("detach", pid), "a second detach finds nothing to detach");
            assertEquals(0, JarRun.of("attach", pid, INCLUDE + ",verbose=false").status());
            assertEquals("gadgets 3", target.ask("gadgets 3"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                    "org.example.churn.Gadget      3    102     40  102    1 : tunables    0    0    0 : slabdata      1      1      0\n",
                    JarRun.of("slabinfo", pid).out().lines().filter(l -> l.startsWith("org.example.churn.Gadget"))
                            .findFirst().orElse("") + "\n"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void aJvmWithoutJmxDetachesToo(Jdks.Jdk jdk) {
        try (ChurnJvm target = ChurnJvm.start(jdk.home(), "-XX:+EnableDynamicAgentLoading")) {
            long pid = target.pid();
            assertEquals(0, JarRun.of("attach", pid, INCLUDE + ",jmx=false").status());
            assertEquals("gadgets 2", target.ask("gadgets 2"));

            // the detach travels as an agent load, so it needs no MBean
            assertEquals(new JarRun(0, "jslab " + Artifacts.agentVersion() + " detached from JVM " + pid
                    + ": 2 classes restored" + NL, ""), JarRun.of("detach", pid));
            assertEquals("gadgets 4", target.ask("gadgets 2"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void detachWithoutAJvmOrWithoutJslabIsAOneLineError(Jdks.Jdk jdk) {
        try (ChurnJvm target = ChurnJvm.start(jdk.home())) {
            long pid = target.pid();
            assertEquals(new JarRun(1, "", "jslab is not loaded in JVM " + pid + ": nothing to detach" + NL),
                    JarRun.of("detach", pid));
            assertEquals("widgets 1", target.ask("widgets 1"));
        }
        long gone = ProcessHandle.current().pid() + 1_000_000;
        assertEquals(new JarRun(1, "", "no process with pid " + gone + NL), JarRun.of("detach", gone));
        assertEquals(2, JarRun.of("detach").status(), "no pid is a usage error");
    }

    /** The classes the JVM logged as redefined (retransformed), sorted, each with its redefinition count. */
    static List<String> redefined(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("redefined name="))
                .map(line -> line.replaceFirst(".*redefined name=([^ ]+), (count=\\d+).*", "$1 $2").replace(" count", ", count"))
                .sorted().toList();
    }

    /** Mappings of the arena's chunk files, which are deleted once mapped: {@code jslab-arena-*.mem (deleted)}. */
    static long arenaMappings(long pid) {
        try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return maps.filter(line -> line.contains("/jslab-arena-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full collection in the target, so that the arena's dropped buffers are unmapped. */
    static void collectGarbage(Jdks.Jdk jdk, long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(jdk.jcmd().toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
    }
}
