package io.jslab.demo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo under the agent for {@code jslab.soak.seconds} (default 20; an hour by hand), with
 * readers ({@code top -o}, {@code slabinfo}), detach and attach cycles, and an arena too small
 * for the demo (allocation failures all along). Throughout: the slabinfo rows are consistent,
 * the arena stays within {@code arena.max}, jslab's records within their budget, the host's heap
 * after a full collection within a fixed margin of where it started; and at the end the demo's
 * output has no exception in it and it stops as it should.
 */
class SoakIT {

    static final long ARENA_MAX = 128 * 1024;
    static final String ARENA = "arena.maxorder=4,arena.max=128k";
    static final String[] SELECTIONS = {"include=com.example.kernel.block.*", "exclude=com.example.kernel.fs.*"};
    /** Heap after a full collection may grow this much over the first cycle's, and no more. */
    static final long HEAP_MARGIN = 16L << 20;
    /** name active num objsize objperslab pagesperslab : tunables ... : slabdata active_slabs num_slabs shared */
    static final Pattern ROW = Pattern.compile(
            "^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+) : tunables\\s+0\\s+0\\s+0 : slabdata\\s+(\\d+)\\s+(\\d+)\\s+0$",
            Pattern.MULTILINE);

    static List<Jdks.Jdk> jdks() throws Exception {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theDemoRunsOnUnharmedThroughReadersDetachesAndArenaPressure(Jdks.Jdk jdk) throws Exception {
        long seconds = Long.getLong("jslab.soak.seconds", 20);
        try (DemoJvm demo = DemoJvm.start(jdk, "soak-" + jdk.major(),
                // Every full collection compacts the whole heap: by default the serial
                // collector may leave up to 5% of it (13 MiB here) as dead filler, which would
                // read as growth.
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:MarkSweepDeadRatio=0", "-Xmn2m",
                        "-XX:+EnableDynamicAgentLoading"),
                ARENA, "--duration", Long.toString(seconds + 40))) {
            long pid = demo.pid();
            MBeanServerConnection jmx = demo.jmx();
            MemoryMXBean memory = JMX.newMXBeanProxy(jmx, new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), MemoryMXBean.class);
            RuntimeMXBean runtime = JMX.newMXBeanProxy(jmx, new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME), RuntimeMXBean.class);
            // The JVM may answer the attach API while premain still runs; the property comes last.
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.getSystemProperties().containsKey("io.jslab.agent.version"));
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<String> figures = new ArrayList<>();
            long firstHeap = -1;
            long mostHeap = 0;
            long mostRecords = 0;
            long mostMapped = 0;
            long mostFailures = 0;
            int cycles = 0;
            while (System.nanoTime() < deadline || cycles == 0) {
                for (int read = 0; read < 2; read++) {
                    Cli top = Cli.run(jdk, "top", "-o", pid);
                    assertEquals(0, top.status(), top.toString());
                    assertTrue(top.out().startsWith(" Active / Total Objects (% used)    : "), top.toString());
                    Cli slabinfo = Cli.run(jdk, "slabinfo", pid);
                    assertEquals(0, slabinfo.status(), slabinfo.toString());
                    assertConsistent(slabinfo.out());
                }
                ObjectName agent = new ObjectName("io.jslab:type=Agent");
                long records = (Long) jmx.getAttribute(agent, "RecordHeapBytes");
                long mapped = (Long) jmx.getAttribute(agent, "ArenaMappedBytes");
                assertTrue(mapped <= ARENA_MAX, "arena mapped " + mapped + " > arena.max " + ARENA_MAX);
                assertTrue(records <= memory.getHeapMemoryUsage().getMax() / 2, "records " + records + " over half the heap");
                long failures = 0;
                for (ObjectName cache : jmx.queryNames(new ObjectName("io.jslab:type=SlabCache,*"), null)) {
                    failures += (Long) jmx.getAttribute(cache, "AllocationFailures");
                }
                mostFailures = Math.max(mostFailures, failures);
                mostRecords = Math.max(mostRecords, records);
                mostMapped = Math.max(mostMapped, mapped);

                Cli detach = Cli.run(jdk, "detach", pid);
                assertEquals(0, detach.status(), detach.toString());
                assertEquals(Set.of(), jmx.queryNames(new ObjectName("io.jslab:*"), null), "detach leaves no MBean");
                memory.gc();
                long heap = memory.getHeapMemoryUsage().getUsed();
                firstHeap = firstHeap < 0 ? heap : firstHeap;
                mostHeap = Math.max(mostHeap, heap);
                assertTrue(heap <= firstHeap + HEAP_MARGIN, "heap after a full collection grew from " + firstHeap
                        + " to " + heap + " bytes in " + cycles + " detach cycles");
                figures.add("cycle " + cycles + ": heap after gc " + heap + ", records " + records + ", mapped " + mapped
                        + ", allocation failures " + failures);

                Cli attach = Cli.run(jdk, "attach", pid, SELECTIONS[cycles % 2] + "," + ARENA);
                assertEquals(0, attach.status(), attach.toString());
                cycles++;
            }
            System.out.println("soak " + jdk + ", " + seconds + " s, " + cycles + " cycles: most heap after gc " + mostHeap
                    + " (first " + firstHeap + "), most records " + mostRecords + " B, most mapped " + mostMapped + " B");
            figures.forEach(line -> System.out.println("  " + line));
            assertTrue(mostFailures > 0, "the arena was never too small: no allocation failed");

            assertEquals(0, demo.waitFor(seconds + 60));
            String output = demo.output();
            assertTrue(output.lines().anyMatch(line -> line.startsWith("jslab demo: stopped after ")), output);
            assertEquals(List.of(), output.lines().filter(line -> line.contains("Exception") || line.contains("Error")
                    || line.startsWith("\tat ")).toList(), "nothing thrown into the demo");
        }
    }

    /** Each row as slabinfo promises: active within total, total exactly the slabs' room, active slabs within slabs. */
    static void assertConsistent(String slabinfo) {
        Matcher row = ROW.matcher(slabinfo);
        int rows = 0;
        while (row.find()) {
            rows++;
            long active = Long.parseLong(row.group(2));
            long total = Long.parseLong(row.group(3));
            long perSlab = Long.parseLong(row.group(5));
            long activeSlabs = Long.parseLong(row.group(7));
            long slabs = Long.parseLong(row.group(8));
            String line = row.group();
            assertTrue(active <= total, line);
            assertEquals(slabs * perSlab, total, line);
            assertTrue(activeSlabs <= slabs, line);
            assertTrue(active <= activeSlabs * perSlab, line);
        }
        assertEquals(slabinfo.lines().count() - 2, rows, "every row parses:\n" + slabinfo);
    }
}
