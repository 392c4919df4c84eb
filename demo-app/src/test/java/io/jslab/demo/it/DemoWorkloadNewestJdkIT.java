package io.jslab.demo.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Comparator;

/**
 * The demo's churn patterns on the newest JDK found (see {@link Jdks}), when that is not the one
 * running the tests: CI has JDK 17 and 25, and the agent must behave alike on both.
 */
class DemoWorkloadNewestJdkIT extends DemoWorkloadChecks {

    @Override
    Jdks.Jdk jdk() throws Exception {
        Jdks.Jdk newest = Jdks.all().stream().max(Comparator.comparingInt(Jdks.Jdk::major)).orElseThrow();
        assumeTrue(newest.major() != Runtime.version().feature(), "only the running JDK is installed");
        return newest;
    }
}
