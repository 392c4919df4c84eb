package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixture.EarlyMain;
import io.jslab.testing.Jdks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under {@code -javaagent} the reclaimer and the MBeans start on a thread of their own and Byte
 * Buddy loads only when a selected class does; still, every object built once {@code premain}
 * has returned is counted, from the main class's static initializer on, whichever way its class
 * is selected.
 */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class StartupCountsIT {

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void objectsBuiltAtTheVeryStartAreCountedExactly(Jdks.Jdk jdk) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "include=fixture.Included,dump=stdout", EarlyMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), "stderr:\n" + jvm.stderr());
            String out = jvm.stdout();
            assertEquals("", jvm.stderr(), "the agent prints nothing without verbose");
            assertTrue(out.startsWith("built 13 and 2 before main\n"), out);

            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("fixture.Annotated", 3L);
            expected.put("fixture.AnnotatedChild", 3L);
            // (String), (long) and () pass through an annotated constructor; (int) does not.
            expected.put("fixture.ConstructorLevel", 3L);
            expected.put("fixture.Included", 5L);
            assertEquals(expected, Slabinfo.activeObjects(out), out);
        }
    }
}
