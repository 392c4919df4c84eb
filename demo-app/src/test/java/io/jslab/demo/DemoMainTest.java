package io.jslab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class DemoMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DemoMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndStatusTwo() {
        assertEquals(2, run("--threads", "many"));
        assertEquals("jslab-demo: --threads: 'many' is not a whole number from 1 to 64"
                + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndRunsNothing() {
        assertEquals(0, run("--help", "--duration", "100"));
        assertEquals(DemoOptions.USAGE, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTimedRunStopsOnItsOwnWithASummaryAndUnregistersItsMBean() throws Exception {
        assertEquals(0, run("--duration", "1", "--rate", "1000"));
        String printed = out.toString(StandardCharsets.UTF_8);
        // At least the second asked for; more on a busy machine, where stopping the threads takes time.
        assertTrue(printed.matches("jslab demo: stopped after [1-9][0-9]*\\.[0-9] s, [0-9]+ requests\\R"), printed);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertFalse(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName(DemoMain.MBEAN_NAME)));
    }
}
