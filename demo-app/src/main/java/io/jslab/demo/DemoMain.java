package io.jslab.demo;

/** Placeholder entry point; the workload comes with the demo issue. */
public final class DemoMain {

    private DemoMain() {}

    public static void main(String[] args) {
        System.out.println("jslab demo");
    }
}
