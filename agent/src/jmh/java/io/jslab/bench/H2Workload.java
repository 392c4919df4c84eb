package io.jslab.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The child JVM of {@link H2BenchMain}: an in-memory H2 database under a TPC-B-like mix (pgbench's
 * tables and transaction) with a read query every {@link #READ_EVERY} transactions.
 *
 * <p>Two phases. The answer phase runs a fixed, seeded list of transactions per thread on a
 * database of its own: balance updates add and commute, so its final state is the same whatever
 * the interleaving, and its checksum must be the same with and without the agent. The timed phase
 * then runs the same mix on a fresh database for warm-up plus a measured window; its count varies
 * by run, so it is checked by the TPC-B invariant instead (the sums of the accounts', tellers' and
 * branches' balances and of the history's deltas agree, one history row per transaction).
 *
 * <p>Usage: {@code H2Workload threads scale warmupSeconds measuredSeconds answerTxPerThread}.
 * Prints {@code key=value} lines, then {@code h2bench.done}, and waits for its standard input to
 * close so that the parent can read this process's {@code /proc/<pid>/status} while it is alive.
 */
public final class H2Workload {

    static final String DONE = "h2bench.done";
    static final int READ_EVERY = 10;
    static final int ACCOUNTS_PER_BRANCH = 100_000;
    static final int TELLERS_PER_BRANCH = 10;

    private H2Workload() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int scale = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        int answerTx = Integer.parseInt(args[4]);

        try (Connection answer = H2Schema.create("answer", scale)) {
            runFixed(threads, scale, answerTx);
            System.out.println("answer=" + H2Schema.checksum(answer));
            H2Schema.drop(answer);
        }
        try (Connection db = H2Schema.create("timed", scale)) {
            runTimed(threads, scale, warmup, measured);
            System.out.println("consistent=" + H2Schema.consistent(db));
        }
        System.out.println(DONE);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent closes our stdin once it has read /proc/<pid>/status
        }
    }

    private static void runFixed(int threads, int scale, int txPerThread) throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = 1000 + t; // fixed: the same transactions in every run
            workers.add(new Thread(() -> work("answer", scale, seed, txPerThread, null, null, 0), "answer-" + t));
        }
        joinAll(workers);
    }

    private static void runTimed(int threads, int scale, int warmup, int measured) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray done = new AtomicLongArray(threads * 2); // [2t] transactions, [2t+1] retries
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = System.nanoTime() + t;
            int slot = t;
            workers.add(new Thread(() -> work("timed", scale, seed, Long.MAX_VALUE, stop, done, slot), "timed-" + t));
        }
        workers.forEach(Thread::start);
        Thread.sleep(warmup * 1000L);
        long tx0 = sum(done, 0);
        long retries0 = sum(done, 1);
        long[] gc0 = gc();
        long start = System.nanoTime();
        Thread.sleep(measured * 1000L);
        long tx1 = sum(done, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] gc1 = gc();
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        System.out.printf("tps=%.1f%n", (tx1 - tx0) / seconds);
        System.out.println("txns=" + (tx1 - tx0));
        System.out.println("retries=" + (sum(done, 1) - retries0));
        System.out.println("gcs=" + (gc1[0] - gc0[0]));
        System.out.println("gcms=" + (gc1[1] - gc0[1]));
    }

    /** One thread's transactions: until {@code stop}, or {@code count} of them. */
    private static void work(String dbName, int scale, long seed, long count, AtomicBoolean stop,
                             AtomicLongArray done, int slot) {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = H2Schema.connect(dbName); H2Schema.Statements s = new H2Schema.Statements(c)) {
            c.setAutoCommit(false);
            for (long i = 0; i < count && (stop == null || !stop.get()); i++) {
                int aid = 1 + random.nextInt(scale * ACCOUNTS_PER_BRANCH);
                int tid = 1 + random.nextInt(scale * TELLERS_PER_BRANCH);
                int bid = 1 + random.nextInt(scale);
                int delta = random.nextInt(-5000, 5001);
                int retries = s.transaction(aid, tid, bid, delta);
                if (i % READ_EVERY == 0) {
                    s.read((int) (i / READ_EVERY), aid, scale);
                }
                if (done != null) {
                    done.incrementAndGet(2 * slot);
                    done.addAndGet(2 * slot + 1, retries);
                }
            }
        } catch (SQLException e) {
            // A lost worker would skew both the answer and the rate: fail the run instead.
            e.printStackTrace();
            System.exit(3);
        }
    }

    private static long sum(AtomicLongArray done, int offset) {
        long n = 0;
        for (int i = offset; i < done.length(); i += 2) {
            n += done.get(i);
        }
        return n;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static void joinAll(List<Thread> workers) throws InterruptedException {
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
    }
}
