package io.jslab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private final WorkloadMXBean workload = new WorkloadMXBean() {
        @Override public long getRequests() { return 40_012; }
        @Override public int getDentries() { return 2048; }
        @Override public int getNegativeDentries() { return 80; }
        @Override public int getTasks() { return 272; }
        @Override public long getForkStorms() { return 1; }
        @Override public boolean isPaused() { return false; }
        @Override public void pause() {}
        @Override public void resume() {}
    };

    @Test
    void theProgressLineShowsElapsedSecondsRequestsAndWhatIsLive() {
        assertEquals("[  4s] 40012 requests | live: dentry 2048, inode 2048, negative dentry 80, "
                + "task 272 | 1 fork storms", Progress.line(4_999, workload));
    }

    @Test
    void theSummarySaysHowLongItRan() {
        assertEquals("jslab demo: stopped after 10.1 s, 40012 requests", Progress.summary(10_050, workload));
    }
}
