package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code attach} into an application with a hundred selected classes loaded: every one is
 * retransformed, and a later detach restores every one. The command's wall time is printed, the
 * median of {@code jslab.attach.runs} fresh JVMs (default 1), for the benchmarks page; it is a
 * figure to read, never a pass mark.
 */
class AttachWallTimeIT {

    static final String NL = System.lineSeparator();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jslab.testing.Jdks#all")
    void attachRetransformsAHundredLoadedClassesAndDetachRestoresThem(Jdks.Jdk jdk) throws Exception {
        Path classes = HundredClasses.compile(Files.createTempDirectory("jslab-hundred"));
        int runs = Integer.getInteger("jslab.attach.runs", 1);
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (HundredClasses app = HundredClasses.start(jdk.java(), classes, "-XX:+EnableDynamicAgentLoading")) {
                long pid = app.pid();
                long start = System.nanoTime();
                JarRun attach = JarRun.of("attach", pid, "include=" + HundredClasses.PACKAGE + ".C*");
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(new JarRun(0, "jslab " + Artifacts.agentVersion() + " attached to JVM " + pid + ": "
                        + HundredClasses.COUNT + " classes instrumented" + NL, ""), attach);
                assertEquals(new JarRun(0, "jslab " + Artifacts.agentVersion() + " detached from JVM " + pid + ": "
                        + HundredClasses.COUNT + " classes restored" + NL, ""), JarRun.of("detach", pid));
            }
        }
        millis.sort(null);
        System.out.println("attach, " + HundredClasses.COUNT + " classes loaded, " + jdk + ": median "
                + millis.get(millis.size() / 2) + " ms of " + runs + " runs " + millis);
    }
}
