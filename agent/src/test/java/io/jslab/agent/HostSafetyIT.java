package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixture.IsolatedMain;
import fixture.OwnByteBuddyMain;
import fixture.ShapesMain;
import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC section 5 end to end: any class loader, the application's own Byte Buddy, failures, silence. */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class HostSafetyIT {

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void classesOfALoaderWithANullParentAreTrackedInTheirOwnCaches(Jdks.Jdk jdk) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "include=fixture.Included,dump=stdout", IsolatedMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals("", jvm.stderr());
            String out = jvm.stdout();
            assertTrue(out.startsWith("isolated hook true" + System.lineSeparator()), out);
            assertEquals(Map.of("fixture.Annotated", 4L, "fixture.Delegating", 2L,
                    "fixture.Annotated#2", 3L, "fixture.Delegating#2", 5L, "fixture.Included", 6L),
                    Slabinfo.activeObjects(out), out);
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void applicationWithItsOwnByteBuddyWorksAndAnOldClassLoadsUnchanged(Jdks.Jdk jdk) throws Exception {
        List<String> ownByteBuddy = List.of(Artifacts.locationOf(ByteBuddy.class));
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "dump=stdout,verbose=true,include=fixture.generated.Legacy", OwnByteBuddyMain.class, ownByteBuddy)) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            String out = jvm.stdout();
            assertTrue(out.startsWith("made fixture.generated.AnnotatedSub and fixture.generated.Legacy"), out);
            assertEquals(Map.of("fixture.generated.AnnotatedSub", 7L), Slabinfo.activeObjects(out), out);
            assertEquals(String.join(System.lineSeparator(),
                    "jslab: instrumented fixture.Annotated",
                    "jslab: instrumented fixture.generated.AnnotatedSub",
                    "jslab: error: cannot instrument fixture.generated.Legacy, it stays unchanged: "
                            + "IllegalStateException: class file version 48 is older than Java 5 (49): "
                            + "its constructors cannot name their class",
                    ""), jvm.stderr());
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void agentPrintsNothingWithoutVerbose(Jdks.Jdk jdk) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "include=fixture.Included", ShapesMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals("", jvm.stderr());
            for (String line : jvm.stdout().split(System.lineSeparator())) {
                assertTrue(line.startsWith("histogram fixture."), "only the fixture's own lines: " + jvm.stdout());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void includingEveryClassRewritesLibrariesTooAndCountsStayExact(Jdks.Jdk jdk) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "include=*,dump=stdout", ShapesMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals("", jvm.stderr());
            String out = jvm.stdout();
            Map<String, Long> histogram = Slabinfo.histogram(out);
            Map<String, Long> active = Slabinfo.activeObjects(out);
            histogram.forEach((name, live) -> assertEquals(live, active.get(name), name + "\n" + out));
            assertTrue(active.keySet().stream().anyMatch(name -> name.startsWith("org.awaitility.")),
                    "the fixture's library was rewritten too:\n" + out);
        }
    }
}
