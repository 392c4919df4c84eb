package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {

    /** Larger than any Linux pid_max (at most 2^22), so no process has it. */
    static final String NO_SUCH_PID = "2147483647";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                   | missing command: list, attach, detach, slabinfo, buddyinfo, top or help; see 'java -jar jslab-agent.jar --help'",
        "frobnicate           | Unmatched argument at index 0: 'frobnicate'; see 'java -jar jslab-agent.jar --help'",
        "slabinfo             | Missing required parameter: '<pid>'; see 'java -jar jslab-agent.jar slabinfo --help'",
        "buddyinfo 12 13      | Unmatched argument at index 2: '13'; see 'java -jar jslab-agent.jar buddyinfo --help'",
        "attach abc           | Invalid value for positional parameter at index 0 (<pid>): 'abc' is not a process id (a positive whole number); see 'java -jar jslab-agent.jar attach --help'",
        "attach 0             | Invalid value for positional parameter at index 0 (<pid>): '0' is not a process id (a positive whole number); see 'java -jar jslab-agent.jar attach --help'",
        "attach 12 a=1 b=2    | Unmatched argument at index 3: 'b=2'; see 'java -jar jslab-agent.jar attach --help'",
        "top -1               | Invalid value for positional parameter at index 0 (<pid>): '-1' is not a process id (a positive whole number); see 'java -jar jslab-agent.jar top --help'",
        "top 12 --frobnicate  | Unknown option: '--frobnicate'; see 'java -jar jslab-agent.jar top --help'",
        "top 12 -s x          | Invalid value for option '--sort': 'x' is not a sort key: a, b, c, l, v, n, o, p, s or u; see 'java -jar jslab-agent.jar top --help'",
        "top 12 -s ab         | Invalid value for option '--sort': 'ab' is not a sort key: a, b, c, l, v, n, o, p, s or u; see 'java -jar jslab-agent.jar top --help'",
        "top 12 -d 0          | Invalid value for option '--delay': '0' is not a delay: a whole number of seconds, 1 or more; see 'java -jar jslab-agent.jar top --help'",
        "top 12 -d 1.5        | Invalid value for option '--delay': '1.5' is not a delay: a whole number of seconds, 1 or more; see 'java -jar jslab-agent.jar top --help'",
        "top 12 -o -d 2       | cannot combine -d and -o; see 'java -jar jslab-agent.jar top --help'",
        "help frobnicate      | Unknown subcommand 'frobnicate'; see 'java -jar jslab-agent.jar --help'",
        "list extra           | Unmatched argument at index 1: 'extra'; see 'java -jar jslab-agent.jar list --help'",
    })
    void usageErrorsAreOneLineWithStatus2(String args, String message) {
        CommandLineRun run = CommandLineRun.of(args.isEmpty() ? new String[0] : args.split(" "));

        assertEquals(message + System.lineSeparator(), run.err());
        assertEquals(Main.USAGE, run.status());
        assertEquals("", run.out());
    }

    @Test
    void versionIsUnknownOutsideTheJar() {
        // the classes under test are not in a jar, so the manifest's version is not there
        CommandLineRun run = CommandLineRun.of("--version");

        assertEquals(0, run.status());
        assertEquals("jslab unknown" + System.lineSeparator(), run.out());
    }

    @Test
    void helpListsEveryCommand() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertEquals(0, run.status());
        for (String command : new String[] {"list", "attach", "slabinfo", "buddyinfo", "top", "help"}) {
            assertTrue(run.out().contains(System.lineSeparator() + "  " + command + " "), command + " in " + run.out());
        }
        CommandLineRun top = CommandLineRun.of("top", "--help");
        assertEquals(0, top.status());
        assertTrue(top.out().startsWith("Usage: java -jar jslab-agent.jar top [-hoV] [-d=<secs>] [-s=<key>] <pid>"), top.out());
    }

    @Test
    void aPidWithoutProcessIsAnError() {
        for (String command : new String[] {"attach", "slabinfo", "buddyinfo", "top"}) {
            CommandLineRun run = CommandLineRun.of(command, NO_SUCH_PID);

            assertEquals("no process with pid " + NO_SUCH_PID + System.lineSeparator(), run.err(), command);
            assertEquals(Main.ERROR, run.status(), command);
        }
    }

    @Test
    void aProcessThatIsNoJvmIsAnErrorAndIsNotSignalled() throws IOException, InterruptedException {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            CommandLineRun run = CommandLineRun.of("slabinfo", Long.toString(sleep.pid()));

            assertEquals("process " + sleep.pid() + " (sleep) is not a JVM" + System.lineSeparator(), run.err());
            assertEquals(Main.ERROR, run.status());
            assertTrue(sleep.isAlive(), "the process is not signalled");
        } finally {
            sleep.destroy();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thisJvmIsNotATarget() {
        String self = Long.toString(ProcessHandle.current().pid());

        CommandLineRun run = CommandLineRun.of("buddyinfo", self);

        assertEquals("process " + self + " is this jslab command itself" + System.lineSeparator(), run.err());
        assertEquals(Main.ERROR, run.status());
    }

    @Test
    void attachNeedsToRunFromTheJar() {
        CommandLineRun run;
        try (ChurnJvm jvm = ChurnJvm.start()) {
            run = CommandLineRun.of("attach", Long.toString(jvm.pid()));
        }

        assertTrue(run.err().startsWith("attach loads the jar it runs from, but this runs from "), run.err());
        assertTrue(run.err().endsWith("; run 'java -jar jslab-agent.jar attach <pid>'" + System.lineSeparator()), run.err());
        assertEquals(Main.ERROR, run.status());
    }
}
