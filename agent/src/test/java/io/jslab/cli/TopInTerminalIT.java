package io.jslab.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jslab.testing.Artifacts;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's {@code top} in a real terminal: util-linux {@code script} gives it a
 * pseudo-terminal of 9 rows, passes it the keys written here and records what it draws. Checks
 * the alternate screen, the reverse-video heading, the rows cut to the height (9 - 8 = one row),
 * a sort key, the quit key, and the terminal settings afterwards ({@code stty -g}) equal to
 * those before.
 */
class TopInTerminalIT {

    static final String ESC = "\u001b";
    /** The heading in reverse video, then clear to the end of line and a new line (CR, CR LF by the tty). */
    static final String HEADING = ESC + "[7m" + SlabtopText.HEADING + ESC + "[0m" + ESC + "[K\r\r\n";
    /** Clear to the end of the line, then to the end of the screen: the last row drawn. */
    static final String END_OF_FRAME = ESC + "[K" + ESC + "[J";
    static final String WIDGETS = "   340    300  88%    0.02K      2      170         8K org.example.churn.Widget";
    static final String GADGETS = "   102     50  49%    0.04K      1      102         4K org.example.churn.Gadget";

    @TempDir
    Path dir;

    @Test
    void topDrawsInTheTerminalSortsOnAKeyQuitsOnQAndRestoresTheTerminal() throws IOException, InterruptedException {
        assumeTrue(onPath("script"), "util-linux script is needed for a pseudo-terminal");
        try (ChurnJvm target = ChurnJvm.start()) {
            assertEquals(0, JarRun.of("attach", target.pid(), "include=org.example.churn.*").status());
            target.ask("widgets 300");
            target.ask("gadgets 50");

            Path screen = dir.resolve("screen");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String shell = "stty rows 9 cols 100; stty -g > " + dir.resolve("before")
                    + "; " + java + " -jar " + Artifacts.agentJar() + " top " + target.pid() + " -d 1"
                    + "; echo status=$?; stty -g > " + dir.resolve("after");
            Process script = new ProcessBuilder("script", "-q", "-f", "-e", "-c", shell, screen.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream keys = script.getOutputStream()) {
                // sorted by objects (340 against 102), the one row that fits is the Widgets'
                await().atMost(Duration.ofSeconds(60)).until(() -> read(screen).contains(HEADING + WIDGETS + END_OF_FRAME));
                keys.write('n');
                keys.flush();
                // by name, the Gadgets'
                await().atMost(Duration.ofSeconds(30)).until(() -> read(screen).contains(HEADING + GADGETS + END_OF_FRAME));
                keys.write('q');
                keys.flush();
                assertTrue(script.waitFor(30, TimeUnit.SECONDS), "top quits on q");
            }

            String drawn = read(screen);
            int enter = drawn.indexOf(ESC + "[?1049h");
            int leave = drawn.lastIndexOf(ESC + "[?1049l");
            // a missing sequence is -1, which would pass a bare comparison of positions
            assertTrue(enter >= 0 && enter < drawn.indexOf(HEADING), "enters the alternate screen first: " + drawn);
            assertTrue(leave >= 0 && leave > drawn.lastIndexOf(HEADING), "leaves it at the end: " + drawn);
            assertTrue(!drawn.contains(HEADING + WIDGETS + "\r\r\n") && !drawn.contains(HEADING + GADGETS + "\r\r\n"),
                    "never a second row on 9 lines");
            assertTrue(drawn.contains("status=0"), drawn);
            assertEquals(Files.readString(dir.resolve("before")), Files.readString(dir.resolve("after")),
                    "the terminal settings are back");
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
