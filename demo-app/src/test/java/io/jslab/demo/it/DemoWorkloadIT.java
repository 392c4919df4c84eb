package io.jslab.demo.it;

/** The demo's churn patterns on the JDK that runs the tests. */
class DemoWorkloadIT extends DemoWorkloadChecks {

    @Override
    Jdks.Jdk jdk() {
        return Jdks.running();
    }
}
