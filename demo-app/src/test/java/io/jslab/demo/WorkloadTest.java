package io.jslab.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private final Workload workload = new Workload(new DemoOptions(0, 2, 2_000, false));

    @AfterEach
    void stop() {
        workload.stop();
    }

    @Test
    void requestsFlowAndFillTheDcache() {
        workload.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> workload.getRequests() >= 1_000);
        assertTrue(workload.getDentries() > 0);
        assertEquals(16, workload.getTasks(), "only the daemons before the first storm");
    }

    @Test
    void pauseHoldsEveryThreadBetweenRequestsUntilResume() {
        workload.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> workload.getRequests() >= 100);
        workload.pause();
        assertTrue(workload.isPaused());
        long paused = workload.getRequests();
        int negatives = workload.getNegativeDentries();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> workload.getRequests() == paused);
        assertEquals(paused / 500, negatives, "one negative lookup per 500 requests");
        workload.resume();
        assertFalse(workload.isPaused());
        await().atMost(Duration.ofSeconds(10)).until(() -> workload.getRequests() > paused);
    }

    @Test
    void stopEndsAPausedWorkloadToo() {
        workload.start();
        workload.pause();
        workload.stop();
        long stopped = workload.getRequests();
        workload.resume();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> workload.getRequests() == stopped);
    }
}
