package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fixture.ShapesMain;
import io.jslab.testing.Jdks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real shaded agent under {@code -javaagent}: after a collection, each cache's
 * {@code active_objs} in the {@code dump=stdout} slabinfo is the number of live instances the
 * JVM's own class histogram reports, for classes of every shape.
 */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class ExactCountsIT {

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void activeObjectsEqualTheClassHistogramForEveryShape(Jdks.Jdk jdk) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "include=fixture.Included,dump=stdout", ShapesMain.class, List.of())) {
            int status = jvm.exitStatus();
            String out = jvm.stdout();
            assertEquals(0, status, "stderr:\n" + jvm.stderr());
            assertEquals("", jvm.stderr(), "the agent prints nothing without verbose");

            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("fixture.Annotated", 120L);
            expected.put("fixture.AnnotatedChild", 50L);
            expected.put("fixture.Included", 30L);
            expected.put("fixture.Delegating", 1030L);
            expected.put("fixture.Throwing", 25L);
            expected.put("fixture.ConstructorLevel", 40L);
            assertEquals(expected, Slabinfo.histogram(out), out);

            Map<String, Long> active = Slabinfo.activeObjects(out);
            Map<String, Long> tracked = new LinkedHashMap<>();
            expected.keySet().forEach(name -> tracked.put(name, active.get(name)));
            assertEquals(expected, tracked, out);
            assertEquals(expected.keySet(), active.keySet(), "no other class has a cache:\n" + out);
        }
    }
}
