package io.jslab.track;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The listener on this JVM's own collectors: a young collection is reported as one, a full
 * collection ({@code System.gc()}, which every HotSpot collector runs as a collection of the old
 * generation by default) as major.
 */
class GcListenerTest {

    private static volatile Object sink;

    @Test
    void youngCollectionsAreMinorAndSystemGcIsMajor() {
        ConcurrentLinkedQueue<Boolean> heard = new ConcurrentLinkedQueue<>();
        try (GcListener listener = GcListener.listen(heard::add)) {
            assertTrue(listener.collectors() > 0, "this JVM's collectors send notifications");

            System.gc();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(true));

            heard.clear();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int i = 0; i < 10_000; i++) {
                    sink = new byte[1024];                          // garbage for a young collection
                }
                return heard.contains(false);
            });
        }
    }
}
