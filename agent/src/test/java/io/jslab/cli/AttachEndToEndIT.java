package io.jslab.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real jar against a JVM started without jslab, on every target JDK: attach, then the caches of
 * the classes the JVM constructs afterwards in {@code slabinfo}, {@code top -o} and {@code list}.
 */
class AttachEndToEndIT {

    static final String NL = System.lineSeparator();
    static final String INCLUDE = "include=org.example.churn.*";
    static final String SLABINFO_HEADER = "slabinfo - version: 2.1\n"
            + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
            + " : tunables <limit> <batchcount> <sharedfactor>"
            + " : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

    static List<Jdks.Jdk> jdks() {
        return Jdks.onePerMajor();
    }

    static List<Jdks.Jdk> jdksThatWarn() {
        return Jdks.onePerMajor().stream().filter(jdk -> jdk.major() >= AttachCommand.WARNING_RELEASE).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdksThatWarn")
    void noHintWhenTheTargetAllowsDynamicAgents(Jdks.Jdk jdk) {
        try (ChurnJvm target = ChurnJvm.start(jdk.home(), "-XX:+EnableDynamicAgentLoading")) {
            JarRun attach = JarRun.of("attach", target.pid(), INCLUDE);

            assertEquals(new JarRun(0, "jslab " + Artifacts.agentVersion() + " attached to JVM " + target.pid()
                    + ": 1 class instrumented" + NL, ""), attach);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attachThenSlabinfoAndTopShowTheClassesConstructedAfterwards(Jdks.Jdk jdk) {
        String version = Artifacts.agentVersion();
        try (ChurnJvm target = ChurnJvm.start(jdk.home())) {
            long pid = target.pid();
            String notLoaded = "jslab is not loaded in JVM " + pid
                    + ": attach it first with 'java -jar jslab-agent.jar attach " + pid + "'" + NL;
            for (String command : new String[] {"slabinfo", "buddyinfo", "top"}) {
                JarRun before = JarRun.of(command, pid);
                assertEquals(new JarRun(1, "", notLoaded), before, command);
            }

            JarRun attach = JarRun.of("attach", pid, INCLUDE);

            // ChurnApp itself is the one selected class loaded at attach; Widget and Gadget come later
            assertEquals("jslab " + version + " attached to JVM " + pid + ": 1 class instrumented" + NL,
                    attach.out(), attach.toString());
            assertEquals(jdk.major() >= 21 ? AttachCommand.warningHint(Integer.toString(jdk.major()), "",
                    Artifacts.agentJar()) + NL : "", attach.err());
            assertEquals(0, attach.status());

            assertEquals("widgets 300", target.ask("widgets 300"));
            assertEquals("gadgets 50", target.ask("gadgets 50"));

            /*
             * Widget: 12-byte header + one long = 20 -> 24 bytes, 4096 / 24 = 170 a slab; 300 kept
             * (plus at most half a magazine, 32, taken ahead) need 2 slabs = 340 objects.
             * Gadget: 12 + 3 longs = 36 -> 40 bytes, 102 a slab; 50 (+32) fit in one.
             */
            String slabinfo = SLABINFO_HEADER
                    + "org.example.churn.Widget    300    340     24  170    1 : tunables    0    0    0 : slabdata      2      2      0\n"
                    + "org.example.churn.Gadget     50    102     40  102    1 : tunables    0    0    0 : slabdata      1      1      0\n";
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertEquals(new JarRun(0, slabinfo, ""), JarRun.of("slabinfo", pid)));

            /*
             * objects 350 / 442 = 79.19% -> 79.2%; slabs 3 / 3; caches 2 / 2
             * size active 300*24 + 50*40 = 9200 B = 8.98K, total 340*24 + 102*40 = 12240 B = 11.95K,
             * 9200 / 12240 = 75.16% -> 75.2%
             * object min 24 B = 0.02K, average 12240 / 442 = 27 B = 0.03K, max 40 B = 0.04K
             * use: Widget 300/340 = 88%, Gadget 50/102 = 49%; cache size 2 and 1 pages of 4 KiB
             */
            String summary = String.join(NL,
                    " Active / Total Objects (% used)    : 350 / 442 (79.2%)",
                    " Active / Total Slabs (% used)      : 3 / 3 (100.0%)",
                    " Active / Total Caches (% used)     : 2 / 2 (100.0%)",
                    " Active / Total Size (% used)       : 8.98K / 11.95K (75.2%)",
                    " Minimum / Average / Maximum Object : 0.02K / 0.03K / 0.04K",
                    "",
                    "  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME                   ",
                    "");
            String widgetRow = "   340    300  88%    0.02K      2      170         8K org.example.churn.Widget" + NL;
            String gadgetRow = "   102     50  49%    0.04K      1      102         4K org.example.churn.Gadget" + NL;
            assertEquals(new JarRun(0, summary + widgetRow + gadgetRow, ""), JarRun.of("top", "-o", pid),
                    "sorted by objects, slabtop's default");
            assertEquals(new JarRun(0, summary + gadgetRow + widgetRow, ""), JarRun.of("top", pid, "-s", "s"),
                    "sorted by object size; not a terminal, so once");

            // no hint either: the JVM warns at the first load of the jar only
            assertEquals(new JarRun(0, "jslab " + version + " was already loaded in JVM " + pid
                    + ": selection unchanged, 3 classes instrumented" + NL, ""), JarRun.of("attach", pid, INCLUDE));

            JarRun list = JarRun.of("list");
            assertEquals(0, list.status(), list.toString());
            assertTrue(Pattern.compile("(?m)^ *" + pid + "  " + Pattern.quote(version)
                    + " +org\\.example\\.churn\\.ChurnApp$").matcher(list.out()).find(), list.toString());
            assertTrue(target.isAlive());
        }
    }
}
