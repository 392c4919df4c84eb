package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AttachReportTest {

    @Test
    void aFirstAttachSaysWhatItInstrumented() {
        assertEquals("jslab 0.1.0 attached to JVM 42: 3 classes instrumented",
                AttachReport.describe(42, "ok 0.1.0 3 classes instrumented"));
        assertEquals("jslab 0.1.0 attached to JVM 42: 1 class instrumented",
                AttachReport.describe(42, "ok 0.1.0 1 classes instrumented"));
        assertEquals("jslab 0.1.0 attached to JVM 42: 0 classes instrumented",
                AttachReport.describe(42, "ok 0.1.0 0 classes instrumented"));
    }

    @Test
    void aSecondAttachSaysSo() {
        assertEquals("jslab 0.1.0 was already loaded in JVM 42: nothing instrumented twice",
                AttachReport.describe(42, "already loaded 0.1.0: nothing instrumented twice"));
    }

    @Test
    void theTargetsErrorBecomesTheCommandsError() {
        CliException e = assertThrows(CliException.class, () -> AttachReport.describe(42,
                "error: unknown option 'colour' (accepted: include, exclude)"));
        assertEquals("JVM 42 refused the attach: unknown option 'colour' (accepted: include, exclude)",
                e.getMessage());
    }

    @Test
    void noReportOrAnUnknownOneIsAnError() {
        assertEquals("JVM 42 loaded the jar but no jslab agent reported back (no io.jslab.agent.attach property)",
                assertThrows(CliException.class, () -> AttachReport.describe(42, null)).getMessage());
        assertEquals("JVM 42 answered the attach with 'fine', which this jslab does not understand",
                assertThrows(CliException.class, () -> AttachReport.describe(42, "fine")).getMessage());
    }

    @Test
    void theDynamicAgentWarningHintComesFromJava21OnUnlessTheFlagIsSet() {
        Path jar = Path.of("jslab-agent.jar");

        assertNull(AttachCommand.warningHint("17", "-Xmx1g", jar));
        assertNull(AttachCommand.warningHint("1.8", null, jar));
        assertNull(AttachCommand.warningHint("25", "-Xmx1g -XX:+EnableDynamicAgentLoading", jar));
        assertEquals("note: Java 21 warns when an agent is loaded into a running JVM; to avoid the"
                + " warning start the JVM with -XX:+EnableDynamicAgentLoading, or load jslab at start with"
                + " -javaagent:jslab-agent.jar", AttachCommand.warningHint("21", "-Xmx1g", jar));
        assertEquals(true, AttachCommand.warningHint("25", null, jar).startsWith("note: Java 25 warns"));
    }
}
