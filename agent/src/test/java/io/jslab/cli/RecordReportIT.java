package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code record} against a JVM with jslab attached: the report holds one sample per interval, the
 * caches and the final slabinfo, and a real browser (headless Chromium) draws its plots; a SIGTERM
 * (what Ctrl-C sends through the shell's process group) still leaves a complete file.
 */
class RecordReportIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern RENDERED = Pattern.compile("<span id=\"rendered\">(\\d+)</span>");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void theReportHasTheSamplesAndTheBrowserDrawsItsPlots(Jdks.Jdk jdk) throws Exception {
        try (ChurnJvm target = ChurnJvm.start(jdk.home())) {
            assertEquals(0, JarRun.of("attach", target.pid(), AttachEndToEndIT.INCLUDE).status());
            assertEquals("widgets 300", target.ask("widgets 300"));
            Path html = reportPath("record-" + jdk.major() + ".html");
            JarRun record = JarRun.of("record", target.pid(), "-d", "3", "-i", "1", "-o", html);

            assertEquals(0, record.status(), record.toString());
            assertTrue(record.err().contains("recording JVM " + target.pid() + ": 1 samples, 3 s left"), record.err());
            assertTrue(record.err().endsWith("wrote " + html + "                              " + System.lineSeparator()),
                    record.err());
            String page = Files.readString(html, StandardCharsets.UTF_8);
            assertEquals(4, samples(page), "at 0, 1, 2 and 3 s");
            assertTrue(page.contains("\"org.example.churn.Widget\":{\"activeObjects\":[300.000,"), page);
            assertTrue(page.contains("<pre id=\"slabinfo\">slabinfo - version: 2.1\n"), page);
            // Nothing fetched: no script or style by address, uPlot inlined.
            assertTrue(!page.contains("<script src") && !page.contains("<link"), "the page loads nothing");
            assertTrue(page.contains("uPlot"), "uPlot inlined");
            int caches = page.split("\"activeObjects\":", -1).length - 1;

            assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                    + ": the browser check is skipped (.ci/run installs the Debian package chromium)");
            String dom = chromium(List.of("--dump-dom", html.toUri().toString()));
            Matcher rendered = RENDERED.matcher(dom);
            assertTrue(rendered.find(), dom);
            // Three plots per cache (live, rates, lifetimes) and the arena's free pages.
            assertEquals(3 * caches + 1, Integer.parseInt(rendered.group(1)));
            assertEquals(3 * caches + 1, dom.split("<canvas", -1).length - 1);
            Path png = reportPath("record-" + jdk.major() + ".png");
            Files.deleteIfExists(png);
            chromium(List.of("--screenshot=" + png, "--window-size=900,1400", html.toUri().toString()));
            assertTrue(Files.size(png) > 10_000, "screenshot " + png);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void sigtermEndsTheRecordingAndStillWritesTheFile(Jdks.Jdk jdk) throws Exception {
        try (ChurnJvm target = ChurnJvm.start(jdk.home())) {
            assertEquals(0, JarRun.of("attach", target.pid(), AttachEndToEndIT.INCLUDE).status());
            Path html = reportPath("record-stopped-" + jdk.major() + ".html");
            Files.deleteIfExists(html);
            Path log = reportPath("record-stopped-" + jdk.major() + ".log");
            Process record = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Artifacts.agentJar().toString(), "record", Long.toString(target.pid()), "-o", html.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Stopped once it has taken its second sample, however long the attach took.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> Files.readString(log).contains(": 2 samples,"));
            record.destroy();
            assertTrue(record.waitFor(30, TimeUnit.SECONDS));
            String page = Files.readString(html, StandardCharsets.UTF_8);
            int samples = samples(page);
            assertTrue(samples >= 2 && samples <= 4, samples + " samples");
            assertTrue(page.endsWith("</body></html>\n"));
        }
    }

    private static int samples(String page) {
        Matcher t = Pattern.compile("const data = \\{\"t\":\\[([^\\]]*)]").matcher(page);
        assertTrue(t.find());
        return t.group(1).split(",").length;
    }

    private static Path reportPath(String name) throws Exception {
        Path dir = Path.of(Artifacts.agentJar().getParent().toString(), "reports");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    private static String chromium(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--virtual-time-budget=5000"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not end");
        return out;
    }
}
