package io.jslab.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's first command, shortened: the demo under the agent with {@code dump=stdout} runs
 * for its duration, stops by itself with its summary, and the agent prints the slabinfo text,
 * on every JDK found, and nothing else: no warning from the JVM.
 */
class TimedRunIT {

    private static final Pattern SUMMARY =
            Pattern.compile("^jslab demo: stopped after ([0-9]+\\.[0-9]) s, ([0-9]+) requests$", Pattern.MULTILINE);
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\[  2s\\] [0-9]+ requests \\| live: dentry [0-9]+, inode [0-9]+, negative dentry [0-9]+, "
                    + "task 16 \\| 0 fork storms$", Pattern.MULTILINE);
    // The kernel's cache_show(): "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu"
    private static final Pattern ROW = Pattern.compile("^(\\S+) +([0-9]+) +([0-9]+) +([0-9]+) +([0-9]+) +([0-9]+)"
            + " : tunables    0    0    0 : slabdata +([0-9]+) +([0-9]+)      0$", Pattern.MULTILINE);

    @ParameterizedTest
    @MethodSource("io.jslab.demo.it.Jdks#all")
    void theDemoStopsAfterItsDurationAndTheAgentDumpsSlabinfo(Jdks.Jdk jdk) throws Exception {
        String output;
        try (DemoJvm demo = DemoJvm.start(jdk, "timed-run-it-" + jdk.major(), List.of(),
                "include=com.example.kernel.block.*,dump=stdout", "--duration", "3", "--rate", "2000")) {
            assertEquals(0, demo.waitFor(60));
            output = demo.output();
        }
        assertTrue(PROGRESS.matcher(output).find(), output);
        Matcher summary = SUMMARY.matcher(output);
        assertTrue(summary.find(), output);
        assertTrue(Double.parseDouble(summary.group(1)) >= 3.0, summary.group());
        long requests = Long.parseLong(summary.group(2));
        int slabinfo = output.indexOf("slabinfo - version: 2.1\n# name            <active_objs> <num_objs> "
                + "<objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> "
                + ": slabdata <active_slabs> <num_slabs> <sharedavail>\n");
        assertTrue(slabinfo > summary.end(), output);

        Map<String, Long> active = new HashMap<>();
        Matcher row = ROW.matcher(output.substring(slabinfo));
        while (row.find()) {
            active.put(row.group(1), Long.parseLong(row.group(2)));
        }
        assertEquals(8, active.size(), output);
        // One progress line (at 2 s), the summary, the two header lines and eight rows: no warning.
        assertEquals(1 + 1 + 2 + 8, output.lines().count(), output);
        // Never freed: exactly one negative dentry per 500 requests.
        assertEquals(requests / 500, active.get("com.example.kernel.fs.NegativeDentry"));
        assertEquals(1L, active.get("com.example.kernel.block.BlockDevice"));
        assertEquals(16L, active.get("task_struct"), "the daemons; no storm within 3 s");
        assertTrue(active.get("dentry") >= Math.min(2048, requests / 16), output);
    }
}
