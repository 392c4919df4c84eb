package io.jslab.bench;

import com.example.bench.TrackedNode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Virtual threads under the agent (JDK 21 and later): {@code tasks} tasks on a
 * virtual-thread-per-task executor, each constructing one {@link TrackedNode} and keeping
 * nothing. The parent alternates child JVMs without the agent ({@code plain}) and with it
 * ({@code auto}, the defaults), {@code runs} pairs. Each child runs the tasks twice, on a new
 * executor each time: the first batch carries the one-time costs (the class loaded and rewritten,
 * the JIT), the second is timed. The parent prints each child's times, then the medians of the
 * second batches and their ratio. An agent child also reports, once every task is done and a
 * few collections have run, its cache's active objects, slots and slabs: what the tasks left
 * behind.
 *
 * <pre>
 *   mvn -B -q -Pbench -pl agent verify -DskipTests -Djmh.main=io.jslab.bench.VirtualTasksMain -Djmh.args="300000 5"
 * </pre>
 */
public final class VirtualTasksMain {

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            child(Integer.parseInt(args[1]));
            return;
        }
        int tasks = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<Double> plain = new ArrayList<>();
        List<Double> agent = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            for (String mode : List.of("plain", "auto")) {
                List<String> lines = ChildJvm.run(mode, List.of("-Xmx1g"), VirtualTasksMain.class,
                        "child", Integer.toString(tasks));
                double seconds = lines.stream().filter(l -> l.startsWith("tasks "))
                        .mapToDouble(l -> Double.parseDouble(l.split(" ")[3])).findFirst().orElseThrow();
                (mode.equals("plain") ? plain : agent).add(seconds);
            }
        }
        double p = median(plain);
        double a = median(agent);
        System.out.printf("%d tasks, %d runs: plain %s s, agent %s s; medians %.3f s and %.3f s, agent / plain %.2fx%n",
                tasks, runs, plain, agent, p, a, a / p);
    }

    private static void child(int tasks) throws Exception {
        // The first batch pays the one-time costs (loading and rewriting the class, the JIT, the
        // agent's deferred start beside main); the second is the steady state, and is the figure.
        double first = batch(tasks);
        double seconds = batch(tasks);
        System.out.printf("first batch took %.3f s%n", first);
        System.out.printf("tasks %d took %.3f s%n", tasks, seconds);
        if (System.getProperty("io.jslab.agent.version") != null) {
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(400);
            }
            CacheStatsReader reader = CacheStatsReader.find(TrackedNode.class.getName());
            System.out.printf("after collections: active %d, allocations %d, slots %d, memory %d bytes%n",
                    reader.activeObjects(), reader.allocations(), reader.numObjects(), reader.memoryBytes());
        }
    }

    /** Seconds for {@code tasks} tasks on a new virtual-thread-per-task executor, each constructing one object. */
    private static double batch(int tasks) throws Exception {
        Method factory = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        long start = System.nanoTime();
        ExecutorService executor = (ExecutorService) factory.invoke(null);
        long[] sink = new long[1];
        for (int i = 0; i < tasks; i++) {
            long id = i;
            executor.execute(() -> sink[0] += new TrackedNode(id, null).id());
        }
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("tasks still running after 10 minutes");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
