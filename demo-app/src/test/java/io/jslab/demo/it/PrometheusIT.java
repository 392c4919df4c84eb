package io.jslab.demo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo with both agents, jslab and the Prometheus JMX exporter with the shipped rules, scraped
 * over loopback: each metric of SPEC section 9 has its type and agrees with the MBean it comes from.
 */
class PrometheusIT {

    private static final Pattern SAMPLE = Pattern.compile("^(jslab_\\w+)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^# TYPE (jslab_\\w+) (\\w+)$", Pattern.MULTILINE);
    // Scraped again until bios have been freed, so that their lifetimes are numbers, not NaN.
    private static final Pattern BIO_P99 = Pattern.compile(
            "^jslab_lifetime_milliseconds\\{cache=\"com.example.kernel.block.Bio\",quantile=\"0.99\"} [0-9]", Pattern.MULTILINE);
    private static final String DEVICE = "com.example.kernel.block.BlockDevice";

    @ParameterizedTest
    @MethodSource("io.jslab.demo.it.Jdks#all")
    void theRulesGiveTheSpecsMetricsWithTheirTypes(Jdks.Jdk jdk) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String exporter = "-javaagent:" + System.getProperty("jslab.exporter.jar") + "=127.0.0.1:" + port + ":"
                + System.getProperty("jslab.exporter.rules");
        try (DemoJvm demo = DemoJvm.start(jdk, "prometheus-" + jdk.major(), List.of("-Xmx256m", exporter),
                "include=com.example.kernel.block.*", "--duration", "120", "--rate", "2000")) {
            MBeanServerConnection jmx = demo.jmx();
            ObjectName device = new ObjectName("io.jslab:type=SlabCache,name=" + DEVICE);
            ObjectName task = new ObjectName("io.jslab:type=SlabCache,name=task_struct");
            ObjectName bio = new ObjectName("io.jslab:type=SlabCache,name=" + DEVICE.replace("BlockDevice", "Bio"));
            await().atMost(Duration.ofSeconds(30)).until(() -> jmx.isRegistered(bio) && jmx.isRegistered(device));
            long bioAllocationsBefore = (Long) jmx.getAttribute(bio, "Allocations");
            String text = scrape(port);
            long bioAllocationsAfter = (Long) jmx.getAttribute(bio, "Allocations");

            Map<String, String> types = new TreeMap<>();
            for (Matcher m = TYPE.matcher(text); m.find(); ) {
                types.put(m.group(1), m.group(2));
            }
            // jslab_leaks_total appears once the Leaks attribute exists; it does not yet.
            assertEquals(Map.of("jslab_active_objects", "gauge", "jslab_allocations_total", "counter",
                    "jslab_frees_total", "counter", "jslab_allocation_failures_total", "counter",
                    "jslab_lifetime_milliseconds", "gauge", "jslab_arena_free_pages", "gauge",
                    "jslab_arena_free_blocks", "gauge"), types, text);

            Map<String, String> samples = new HashMap<>();
            for (Matcher m = SAMPLE.matcher(text); m.find(); ) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), m.group(3));
            }
            // The block device and the daemons' tasks do not change while the demo runs.
            assertEquals("1.0", samples.get("jslab_active_objects{cache=\"" + DEVICE + "\"}"), text);
            assertEquals(jmx.getAttribute(device, "Allocations") + ".0", samples.get("jslab_allocations_total{cache=\"" + DEVICE + "\"}"));
            assertEquals("0.0", samples.get("jslab_frees_total{cache=\"" + DEVICE + "\"}"));
            assertEquals("0.0", samples.get("jslab_allocation_failures_total{cache=\"" + DEVICE + "\"}"));
            assertEquals("NaN", samples.get("jslab_lifetime_milliseconds{cache=\"" + DEVICE + "\",quantile=\"0.5\"}"));
            assertEquals("NaN", samples.get("jslab_lifetime_milliseconds{cache=\"" + DEVICE + "\",quantile=\"0.99\"}"));
            assertEquals(jmx.getAttribute(task, "ActiveObjects") + ".0", samples.get("jslab_active_objects{cache=\"task_struct\"}"));
            // A churning cache: the scraped counter lies between the MBean's reads before and after.
            double bioAllocations = Double.parseDouble(samples.get("jslab_allocations_total{cache=\"com.example.kernel.block.Bio\"}"));
            assertTrue(bioAllocations >= bioAllocationsBefore && bioAllocations <= bioAllocationsAfter,
                    bioAllocationsBefore + " <= " + bioAllocations + " <= " + bioAllocationsAfter);
            double p99 = Double.parseDouble(samples.get("jslab_lifetime_milliseconds{cache=\"com.example.kernel.block.Bio\",quantile=\"0.99\"}"));
            double median = Double.parseDouble(samples.get("jslab_lifetime_milliseconds{cache=\"com.example.kernel.block.Bio\",quantile=\"0.5\"}"));
            assertTrue(median > 0 && p99 >= median, median + " " + p99);

            // The arena: one sample per order 0..MaxOrder, and free pages are what the blocks hold.
            int maxOrder = (Integer) jmx.getAttribute(new ObjectName("io.jslab:type=BuddyArena"), "MaxOrder");
            double pagesInBlocks = 0;
            for (int order = 0; order <= maxOrder; order++) {
                String blocks = samples.get("jslab_arena_free_blocks{order=\"" + order + "\"}");
                assertTrue(blocks != null, "order " + order + ":\n" + text);
                pagesInBlocks += Double.parseDouble(blocks) * (1 << order);
            }
            assertEquals(maxOrder + 1, samples.keySet().stream().filter(k -> k.startsWith("jslab_arena_free_blocks")).count());
            assertEquals(pagesInBlocks, Double.parseDouble(samples.get("jslab_arena_free_pages")), text);
        }
    }

    private static String scrape(int port) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).body(),
                        body -> BIO_P99.matcher(body).find());
    }
}
