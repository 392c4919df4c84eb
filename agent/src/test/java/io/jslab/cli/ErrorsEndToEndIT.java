package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jslab.testing.Artifacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every error of the real jar: one line on stderr, status 1 (2 for usage), nothing on stdout. */
class ErrorsEndToEndIT {

    static final String NL = System.lineSeparator();

    @Test
    void aPidWithoutProcess() {
        assertEquals(new JarRun(1, "", "no process with pid 2147483647" + NL), JarRun.of("slabinfo", "2147483647"));
        assertEquals(new JarRun(1, "", "no process with pid 2147483647" + NL), JarRun.of("attach", "2147483647"));
    }

    @Test
    void aProcessThatIsNoJvmIsNotSignalled() throws IOException, InterruptedException {
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            assertEquals(new JarRun(1, "", "process " + sleep.pid() + " (sleep) is not a JVM" + NL),
                    JarRun.of("attach", sleep.pid()));
            assertEquals(new JarRun(1, "", "process " + sleep.pid() + " (sleep) is not a JVM" + NL),
                    JarRun.of("top", "-o", sleep.pid()));
            assertTrue(sleep.isAlive());
        } finally {
            sleep.destroy();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJvmWithoutPerfDataIsNotListedButStillAJvm() {
        try (ChurnJvm target = ChurnJvm.start("-XX:-UsePerfData")) {
            assertEquals(new JarRun(1, "", "jslab is not loaded in JVM " + target.pid() + ": attach it first with"
                    + " 'java -jar jslab-agent.jar attach " + target.pid() + "'" + NL), JarRun.of("slabinfo", target.pid()));
        }
    }

    @Test
    void pidOneIsNoJvm() {
        ProcessHandle init = ProcessHandle.of(1).orElseThrow();
        assumeTrue(com.sun.tools.attach.VirtualMachine.list().stream().noneMatch(d -> d.id().equals("1")),
                "pid 1 is a JVM here");
        String command = init.info().command().map(c -> " (" + Path.of(c).getFileName() + ")").orElse("");

        assertEquals(new JarRun(1, "", "process 1" + command + " is not a JVM" + NL), JarRun.of("buddyinfo", 1));
    }

    @Test
    void aBadOptionFailsWithTheTargetsMessageAndLeavesItRunning() {
        try (ChurnJvm target = ChurnJvm.start()) {
            JarRun attach = JarRun.of("attach", target.pid(), "include=org.example.*,colour=red");

            assertEquals(new JarRun(1, "", "JVM " + target.pid() + " refused the attach: unknown option 'colour':"
                    + " accepted keys are include, exclude, arena.pagesize, arena.maxorder, arena.max, jmx, dump,"
                    + " verbose, track, track.budget, exact, jfr" + NL), attach);
            assertEquals("widgets 5", target.ask("widgets 5"));
            assertEquals(new JarRun(1, "", "jslab is not loaded in JVM " + target.pid() + ": attach it first with"
                    + " 'java -jar jslab-agent.jar attach " + target.pid() + "'" + NL), JarRun.of("slabinfo", target.pid()));
        }
    }

    @Test
    void aJvmWithJmxOffSaysSo() {
        try (ChurnJvm target = ChurnJvm.start()) {
            JarRun attach = JarRun.of("attach", target.pid(), "include=org.example.churn.*,jmx=false");
            assertEquals(0, attach.status(), attach.toString());

            assertEquals(new JarRun(1, "", "jslab " + Artifacts.agentVersion() + " runs in JVM " + target.pid()
                    + " with jmx=false: it publishes no statistics to read" + NL), JarRun.of("top", "-o", target.pid()));
        }
    }

    @Test
    void usageErrorsAndVersion() {
        assertEquals(new JarRun(2, "", "Invalid value for positional parameter at index 0 (<pid>): 'abc' is not a"
                + " process id (a positive whole number); see 'java -jar jslab-agent.jar top --help'" + NL),
                JarRun.of("top", "abc"));
        assertEquals(new JarRun(2, "", "cannot combine -d and -o; see 'java -jar jslab-agent.jar top --help'" + NL),
                JarRun.of("top", "12", "-o", "-d", "2"));
        assertEquals(new JarRun(0, "jslab " + Artifacts.agentVersion() + NL, ""), JarRun.of("--version"));
    }
}
