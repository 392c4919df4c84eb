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
    void nothingSelectedSaysSoAndSuggestsAnInclude() {
        assertEquals("jslab 0.1.0 attached to JVM 42: nothing selected: 0 classes instrumented; try include=com.acme.app.*",
                AttachReport.describe(42, "ok 0.1.0 0 classes instrumented", "include=com.acme.app.*"));
        assertEquals("jslab 0.1.0 attached to JVM 42: 2 classes instrumented",
                AttachReport.describe(42, "ok 0.1.0 2 classes instrumented", "include=com.acme.app.*"));
    }

    @Test
    void aSecondAttachWithoutANewSelectionSaysSo() {
        assertEquals("jslab 0.1.0 was already loaded in JVM 42: selection unchanged, 1 class instrumented",
                AttachReport.describe(42, "already loaded 0.1.0: selection unchanged, 1 classes instrumented"));
    }

    @Test
    void aNewSelectionNamesTheClassesThatLeft() {
        assertEquals("jslab 0.1.0 in JVM 42: selection changed, 2 classes instrumented; left the selection"
                        + " (original code back, caches count no new objects): a.B, a.C",
                AttachReport.describe(42, "reselected 0.1.0 2 classes instrumented; 2 left: a.B a.C"));
        assertEquals("jslab 0.1.0 in JVM 42: selection changed, 3 classes instrumented",
                AttachReport.describe(42, "reselected 0.1.0 3 classes instrumented; 0 left"));
    }

    @Test
    void theSuggestionIsTheMainClassPackage() {
        java.util.Properties target = new java.util.Properties();
        target.setProperty("sun.java.command", "com.acme.app.Main --port 8080");
        assertEquals("include=com.acme.app.*", IncludeSuggestion.of(target));
        target.setProperty("sun.java.command", "app.module/org.example.Server");
        assertEquals("include=org.example.*", IncludeSuggestion.of(target));
        target.setProperty("sun.java.command", "Main");
        assertEquals("include=<your.package>.*", IncludeSuggestion.of(target));
        target.setProperty("sun.java.command", "missing.jar");
        assertEquals("include=<your.package>.*", IncludeSuggestion.of(target));
        assertEquals(true, IncludeSuggestion.namesInclude("arena.max=8m, include =a.*"));
        assertEquals(false, IncludeSuggestion.namesInclude("exclude=a.*"));
    }

    @Test
    void aDetachSaysHowManyClassesItRestored() {
        assertEquals("jslab 0.1.0 detached from JVM 42: 3 classes restored",
                DetachCommand.describe(42, "ok 0.1.0 3 classes restored"));
        assertEquals("JVM 42 refused the detach: jslab is not loaded",
                assertThrows(CliException.class, () -> DetachCommand.describe(42, "error: jslab is not loaded")).getMessage());
        assertEquals("JVM 42 loaded the jar but no jslab agent reported back (no io.jslab.agent.detach property):"
                        + " the jslab it runs may be older than this one, which cannot detach",
                assertThrows(CliException.class, () -> DetachCommand.describe(42, null)).getMessage());
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
