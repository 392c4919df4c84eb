package io.jslab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table of {@link H2BenchMain}'s runs and its final line of medians. */
final class H2Report {

    private H2Report() {}

    static void print(List<Map<String, String>> results, PrintStream out) {
        out.println();
        out.printf("%3s %-5s %9s %8s %7s %5s %6s %9s %9s %-10s %s%n", "run", "mode", "tx/s", "txns",
                "retries", "gcs", "gc ms", "VmHWM MiB", "VmRSS MiB", "consistent", "answer");
        for (Map<String, String> r : results) {
            out.printf("%3s %-5s %9.1f %8s %7s %5s %6s %9.0f %9.0f %-10s %s%n", r.get("run"), r.get("mode"),
                    Double.parseDouble(r.get("tps")), r.get("txns"), r.get("retries"), r.get("gcs"), r.get("gcms"),
                    mib(r, "vmhwm"), mib(r, "vmrss"), r.get("consistent"), r.get("answer"));
        }
        double plain = median(results, "plain", "tps");
        double agent = median(results, "agent", "tps");
        double hwm = median(results, "agent", "vmhwm") / median(results, "plain", "vmhwm");
        double rss = median(results, "agent", "vmrss") / median(results, "plain", "vmrss");
        out.printf("%nmedian tx/s: plain %.1f, agent %.1f; ratio agent/plain %.3f; VmHWM ratio %.3f;"
                + " VmRSS ratio %.3f; answers %s%n", plain, agent, agent / plain, hwm, rss,
                answersAgree(results) ? "identical" : "DIFFER");
    }

    /** Every run's answer checksum is the same and every timed database passed its invariant. */
    static boolean answersAgree(List<Map<String, String>> results) {
        String first = results.get(0).get("answer");
        for (Map<String, String> r : results) {
            if (!first.equals(r.get("answer")) || !"true".equals(r.get("consistent"))) {
                return false;
            }
        }
        return true;
    }

    private static double mib(Map<String, String> r, String key) {
        return Long.parseLong(r.get(key)) / 1024.0;
    }

    private static double median(List<Map<String, String>> results, String mode, String key) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> r : results) {
            if (r.get("mode").equals(mode)) {
                values.add(Double.parseDouble(r.get(key)));
            }
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
