package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fixture.AgentBeanMain;
import io.jslab.testing.Artifacts;
import io.jslab.testing.Jdks;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's own status as the {@code io.jslab:type=Agent} MBean shows it inside the target. */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class AgentBeanIT {

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void agentBeanShowsVersionOptionsInstrumentedClassesAndOwnCost(Jdks.Jdk jdk) throws Exception {
        String version = Artifacts.agentVersion();
        try (ForkedJvm jvm = ForkedJvm.start(jdk, "include=fixture.Included", AgentBeanMain.class, List.of())) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals(String.join(System.lineSeparator(),
                    "made 1 x",
                    "Version=" + version,
                    "Options=include=fixture.Included",
                    "InstrumentedClasses=2",
                    "Errors=0",
                    "LastError=",
                    "InstrumentedClassNames=[fixture.Annotated, fixture.Included]",
                    "RecordHeapBytes=88",           // two records of 40 bytes, 4 more each in a segment
                    "ArenaMappedBytes=4194304",     // one chunk: 4k pages << order 10
                    "WatchBudget=50000",            // the default track.budget
                    "CpuTimeMillis is a count: true",
                    "WatchedPerSecond is a rate: true",
                    ""), jvm.stdout());
            assertEquals("", jvm.stderr());
        }
    }
}
