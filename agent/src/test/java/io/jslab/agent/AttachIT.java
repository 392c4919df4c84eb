package io.jslab.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import fixture.AttachTargetMain;
import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dynamic attach with the JDK's attach API to a running JVM started without the agent: classes
 * loaded before are retransformed, only objects built afterwards are counted, a second attach
 * instruments nothing twice, a bad option leaves the target running.
 */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class AttachIT {

    private static ForkedJvm startTarget(Jdks.Jdk jdk) {
        List<String> jvmArgs = new ArrayList<>();
        if (jdk.major() >= 21) {
            // The JVM's own warning about dynamically loaded agents; only this flag silences it.
            jvmArgs.add("-XX:+EnableDynamicAgentLoading");
        }
        ForkedJvm target = ForkedJvm.start(jdk, jvmArgs, null, AttachTargetMain.class, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> target.stdout().startsWith("ready"));
        return target;
    }

    private static String attach(ForkedJvm target, String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(target.pid()));
        try {
            vm.loadAgent(Artifacts.agentJar().toString(), options);
            return vm.getSystemProperties().getProperty(JslabAgent.ATTACH_PROPERTY);
        } finally {
            vm.detach();
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void attachRetransformsLoadedClassesAndCountsOnlyLaterObjects(Jdks.Jdk jdk) throws Exception {
        String version = Artifacts.agentVersion();
        try (ForkedJvm target = startTarget(jdk)) {
            assertEquals("ok " + version + " 1 classes instrumented", attach(target, "dump=stdout"));
            assertEquals("already loaded " + version + ": selection unchanged, 1 classes instrumented", attach(target, "dump=stdout"));
            target.send("go");
            assertEquals(0, target.exitStatus(), target.stderr());
            String out = target.stdout();
            assertTrue(out.startsWith(String.join(System.lineSeparator(), "ready",
                    "attach=already loaded " + version + ": selection unchanged, 1 classes instrumented",
                    "version=" + version, "slabinfo - version: 2.1")), out);
            assertEquals(Map.of("fixture.Annotated", 3L, "fixture.Delegating", 4L), Slabinfo.activeObjects(out), out);
            assertEquals("", target.stderr());
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void badOptionLeavesTheTargetRunningUntouched(Jdks.Jdk jdk) throws Exception {
        try (ForkedJvm target = startTarget(jdk)) {
            assertEquals("error: arena.max=12q: must be a size like 256m (suffixes k, m, g)",
                    attach(target, "dump=stdout,arena.max=12q"));
            target.send("go");
            assertEquals(0, target.exitStatus(), target.stderr());
            assertEquals(String.join(System.lineSeparator(), "ready",
                    "attach=error: arena.max=12q: must be a size like 256m (suffixes k, m, g)", "version=null", ""),
                    target.stdout());
            assertEquals("", target.stderr());
        }
    }
}
