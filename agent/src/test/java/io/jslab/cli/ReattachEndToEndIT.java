package io.jslab.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real jar's second {@code attach} on every target JDK: new include/exclude options change the
 * selection, what leaves stops counting and is named; nothing selected is said, with an include to
 * try, and a second attach with it fixes it; other options cannot change while jslab runs.
 */
class ReattachEndToEndIT {

    static final String NL = System.lineSeparator();
    static final String ROW_TAIL = " : tunables    0    0    0 : slabdata      1      1      0\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void nothingSelectedSuggestsTheMainClassPackageAndASecondAttachFixesIt(Jdks.Jdk jdk) {
        String version = Artifacts.agentVersion();
        try (ChurnJvm target = ChurnJvm.start(jdk.home(), "-XX:+EnableDynamicAgentLoading")) {
            long pid = target.pid();
            assertEquals(new JarRun(0, "jslab " + version + " attached to JVM " + pid
                    + ": nothing selected: 0 classes instrumented; try include=org.example.churn.*" + NL, ""),
                    JarRun.of("attach", pid));
            assertEquals("widgets 5", target.ask("widgets 5"));

            // ChurnApp and Widget, both loaded, are retransformed now; Widget counts from here on
            assertEquals(new JarRun(0, "jslab " + version + " in JVM " + pid + ": selection changed, 2 classes instrumented" + NL, ""),
                    JarRun.of("attach", pid, "include=org.example.churn.*"));
            assertEquals("widgets 12", target.ask("widgets 7"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(AttachEndToEndIT.SLABINFO_HEADER
                    + "org.example.churn.Widget      7    170     24  170    1" + ROW_TAIL, JarRun.of("slabinfo", pid).out()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void aNewSelectionRetransformsWhatJoinsAndRestoresWhatLeaves(Jdks.Jdk jdk) throws Exception {
        String version = Artifacts.agentVersion();
        try (ChurnJvm target = ChurnJvm.start(jdk.home(), "-XX:+EnableDynamicAgentLoading")) {
            long pid = target.pid();
            assertEquals(0, JarRun.of("attach", pid, "include=org.example.churn.Widget,arena.max=8m").status());
            assertEquals("widgets 10", target.ask("widgets 10"));
            assertEquals("gadgets 4", target.ask("gadgets 4"));

            assertEquals(new JarRun(0, "jslab " + version + " in JVM " + pid + ": selection changed, 1 class instrumented;"
                    + " left the selection (original code back, caches count no new objects): org.example.churn.Widget" + NL, ""),
                    JarRun.of("attach", pid, "include=org.example.churn.*,exclude=*.Widget:*.ChurnApp"));
            assertEquals("arena.max=8m,include=org.example.churn.*,exclude=*.Widget:*.ChurnApp",
                    TargetState.of(pid).agentOptions(), "the options in force");
            assertEquals("widgets 30", target.ask("widgets 20"));
            assertEquals("gadgets 6", target.ask("gadgets 2"));
            // Widget keeps the 10 it counted (all still referenced), Gadget counts from the change on
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(AttachEndToEndIT.SLABINFO_HEADER
                    + "org.example.churn.Widget     10    170     24  170    1" + ROW_TAIL
                    + "org.example.churn.Gadget      2    102     40  102    1" + ROW_TAIL, JarRun.of("slabinfo", pid).out()));

            assertEquals(new JarRun(1, "", "JVM " + pid + " refused the attach: option 'arena.max' cannot change while jslab"
                    + " runs (only include, exclude and exact can): detach first, then attach with the new value" + NL),
                    JarRun.of("attach", pid, "include=org.example.*,arena.max=16m"));
            assertEquals(new JarRun(0, "jslab " + version + " was already loaded in JVM " + pid
                    + ": selection unchanged, 1 class instrumented" + NL, ""), JarRun.of("attach", pid, "arena.max=8m"));
        }
    }
}
