package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fixture.VirtualTasksMain;
import io.jslab.testing.Jdks;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Virtual threads with the real agent: a task per object leaves no magazine of slots behind. */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class VirtualThreadsIT {

    private static final int TASKS = 300_000;
    private static final Pattern RESULT = Pattern.compile("active (\\d+) slots (\\d+) allocations (\\d+)\\R");

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void shortTasksOnVirtualThreadsAreCountedAndLeaveTheirSlotsBehindNot(Jdks.Jdk jdk) throws Exception {
        assumeTrue(jdk.major() >= 21, "virtual threads need JDK 21 or later; " + jdk + " has none");
        try (ForkedJvm jvm = ForkedJvm.start(jdk, List.of("-Xmx512m"), "include=fixture.Included",
                VirtualTasksMain.class, List.of(), Integer.toString(TASKS))) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            Matcher m = RESULT.matcher(jvm.stdout());
            assertTrue(m.matches(), jvm.stdout());
            assertEquals(0, Long.parseLong(m.group(1)), "every task's object was reclaimed");
            assertEquals(TASKS, Long.parseLong(m.group(3)), "every construction counted once");
            // Slots are only ever held by objects not yet reclaimed (at most one per task) and by
            // the few striped magazines; a magazine per virtual thread held about 23 per task.
            long slots = Long.parseLong(m.group(2));
            assertTrue(slots <= TASKS + 64L * 64, "slots " + slots + " for " + TASKS + " tasks");
        }
    }
}
