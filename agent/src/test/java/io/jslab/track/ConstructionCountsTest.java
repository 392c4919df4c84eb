package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Counting in the threads' own cells: exact over many threads, across their ends, and on virtual
 * threads without a cell per thread; the countdowns watch each construction with probability
 * {@code 1/w}, and a new weight applies from the next construction.
 */
class ConstructionCountsTest {

    @Test
    void countsAreExactOverThreadsThatComeAndGo() throws Exception {
        ConstructionCounts counts = new ConstructionCounts();
        int a = counts.newId();
        int b = counts.newId();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    counts.count(a, 1);
                    counts.count(b, 64);
                }
                counts.uncount(b);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(800_000, counts.sum(a));
        assertEquals(800_000 - 8, counts.sum(b));
        assertEquals(8, counts.threads());

        counts.retireEnded();
        assertEquals(0, counts.threads(), "ended threads' cells folded into the totals");
        assertEquals(800_000, counts.sum(a));
        assertEquals(800_000 - 8, counts.sum(b));
    }

    @Test
    void aClassIdBeyondTheFirstCellsGrowsThemWithoutLosingCounts() {
        ConstructionCounts counts = new ConstructionCounts();
        int first = counts.newId();
        counts.count(first, 1);
        int last = first;
        for (int i = 0; i < 100; i++) {
            last = counts.newId();
        }
        counts.count(last, 1);
        counts.count(last, 1);
        assertEquals(1, counts.sum(first));
        assertEquals(2, counts.sum(last));
        assertEquals(0, counts.sum(last + 1));
    }

    @Test
    void eachConstructionIsWatchedWithProbabilityOneInTheWeight() {
        ThreadCounts cells = ThreadCounts.owned();
        int n = 2_000_000;
        int w = 100;
        long watched = 0;
        for (int i = 0; i < n; i++) {
            int got = cells.count(0, w);
            if (got != 0) {
                assertEquals(w, got, "a watched object carries the weight it was drawn with");
                watched++;
            }
        }
        // Binomial(n, 1/w): mean 20,000, standard deviation about 141; five of them either way.
        assertTrue(Math.abs(watched - n / w) < 5 * Math.sqrt(n / (double) w), "watched " + watched);
        assertEquals(n, cells.count(0));
    }

    @Test
    void theGapsBetweenWatchedConstructionsAreGeometric() {
        int w = 50;
        int draws = 200_000;
        long sum = 0;
        int ones = 0;
        for (int i = 0; i < draws; i++) {
            int k = ThreadCounts.geometric(w);
            assertTrue(k >= 1, "at least one construction to the next watched one");
            sum += k;
            ones += k == 1 ? 1 : 0;
        }
        double mean = sum / (double) draws;
        // Geometric(1/50): mean 50, standard deviation about 49.5, so the mean of 200,000 is 50 +- 0.56 (5 sd).
        assertTrue(Math.abs(mean - w) < 0.56, "mean gap " + mean);
        // P(k = 1) = 1/50: 4,000 +- 313 (5 sd).
        assertTrue(Math.abs(ones - draws / w) < 313, "gaps of one " + ones);
        assertEquals(1, ThreadCounts.geometric(1));
    }

    @Test
    void aNewWeightAppliesFromTheNextConstruction() {
        ThreadCounts cells = ThreadCounts.owned();
        for (int i = 0; i < 10; i++) {
            cells.count(0, 1 << 20); // a countdown of about a million drawn
        }
        assertEquals(1, cells.count(0, 1), "weight 1: every construction watched at once");
        assertEquals(1, cells.count(0, 1));
    }

    @Test
    void virtualThreadsCountInStripesWithoutACellEach() throws Exception {
        Method factory;
        try {
            factory = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            assumeTrue(false, "no virtual threads before JDK 21");
            return;
        }
        ConstructionCounts counts = new ConstructionCounts();
        int id = counts.newId();
        ExecutorService executor = (ExecutorService) factory.invoke(null);
        for (int i = 0; i < 20_000; i++) {
            executor.execute(() -> {
                counts.count(id, 1);
                counts.count(id, 8);
            });
        }
        executor.shutdown();
        assertTrue(executor.awaitTermination(1, TimeUnit.MINUTES));
        assertEquals(40_000, counts.sum(id));
        assertEquals(0, counts.threads(), "no platform-thread cells: the tasks share the stripes");
    }
}
