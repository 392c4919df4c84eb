package io.jslab.jmx;

import static io.jslab.jmx.SlabCacheMBeanTest.allocate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.slab.SlabCache;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private JmxFixture fixture;
    private ObjectName slabInfo;
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private final NotificationListener listener = (n, handback) -> received.add(n);

    @BeforeEach
    void start() throws Exception {
        fixture = new JmxFixture();
        slabInfo = JmxFixture.name("io.jslab:type=SlabInfo");
        fixture.server.addNotificationListener(slabInfo, listener, null, null);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void cacheCreationIsAnnouncedThroughARealConnector() throws Exception {
        try (LoopbackConnector connector = new LoopbackConnector(fixture.server)) {
            MBeanServerConnection c = connector.connection();
            List<Notification> remote = new CopyOnWriteArrayList<>();
            c.addNotificationListener(slabInfo, (n, h) -> remote.add(n), null, null);

            fixture.allocator.createCache("com.acme.Order", 24, false);

            await().atMost(Duration.ofSeconds(10)).until(() -> remote.size() == 1);
            Notification n = remote.get(0);
            assertEquals("io.jslab.cache.created", n.getType());
            assertEquals("com.acme.Order", n.getUserData());
            assertEquals("slab cache created: com.acme.Order", n.getMessage());
            assertEquals(slabInfo, n.getSource());
        }
    }

    /** The thread is made on the host's allocating thread; it must not keep that thread's loader alive. */
    @Test
    void notificationsComeFromAThreadThatHoldsNoApplicationClassLoader() throws Exception {
        List<String> deliveredOn = new CopyOnWriteArrayList<>();
        fixture.server.addNotificationListener(slabInfo, (n, handback) -> deliveredOn.add(
                Thread.currentThread().getName() + " " + Thread.currentThread().getContextClassLoader()), null, null);
        try (URLClassLoader application = new URLClassLoader(new URL[0], null)) {
            Thread host = new Thread(() -> fixture.allocator.createCache("com.acme.Order", 24, false));
            host.setContextClassLoader(application);
            host.start();
            host.join();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredOn.size() == 1);
        assertEquals(List.of("jslab-jmx-notifications null"), deliveredOn);
    }

    /** 2 KiB objects, 8 to a 4-page slab: the fifth slab needs more than the first 16-page chunk. */
    @Test
    void arenaGrowthIsAnnounced() {
        SlabCache large = fixture.allocator.createCache("large", 2048, false);
        allocate(large, 4 * 8 + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ofType("io.jslab.arena.grown").stream()
                .anyMatch(n -> Integer.valueOf(2).equals(n.getUserData())));
        Notification grown = ofType("io.jslab.arena.grown").stream()
                .filter(n -> Integer.valueOf(2).equals(n.getUserData())).findFirst().orElseThrow();
        assertEquals("arena grown to 2 chunks", grown.getMessage());
    }

    @Test
    void failedAllocationsAreAnnouncedAtMostOncePerCachePerSecond() {
        SlabCache large = fixture.allocator.createCache("large", 2048, false);
        SlabCache other = fixture.allocator.createCache("other", 4096, false);
        fillTheArena(large);

        failTimes(large, 5);                                 // one announced, four held back
        failTimes(other, 2);                                 // another cache: its own gate
        fixture.clockMillis.addAndGet(999);
        failTimes(large, 1);                                 // still the same second: held back
        fixture.clockMillis.addAndGet(1);
        failTimes(large, 1);                                 // a second later: announced, 5 held back

        await().atMost(Duration.ofSeconds(10)).until(() -> ofType("io.jslab.allocation.failed").size() == 3);
        List<Notification> failed = ofType("io.jslab.allocation.failed");
        assertFailure(failed.get(0), "large", 2, 0);
        assertFailure(failed.get(1), "other", 1, 0);
        assertFailure(failed.get(2), "large", 8, 5);
        assertEquals("allocation failed in slab cache large: arena out of memory "
                + "(8 failures in all, 5 not announced since the last notification)", failed.get(2).getMessage());
    }

    private void fillTheArena(SlabCache cache) {
        while (cache.allocate() != SlabCache.NO_MEMORY) {
            // Two chunks of 16 pages hold eight 4-page slabs; the ninth allocation round fails.
        }
        // That first failure is announced too; start the count from a clean slate.
        await().atMost(Duration.ofSeconds(10)).until(() -> ofType("io.jslab.allocation.failed").size() == 1);
        received.clear();
        fixture.clockMillis.addAndGet(FailureGate.INTERVAL_MILLIS);
    }

    private static void failTimes(SlabCache cache, int n) {
        for (int i = 0; i < n; i++) {
            assertEquals(SlabCache.NO_MEMORY, cache.allocate());
        }
    }

    private static void assertFailure(Notification n, String cache, long failures, long suppressed) {
        CompositeData data = (CompositeData) n.getUserData();
        assertEquals(cache, data.get("cache"));
        assertEquals(failures, data.get("failures"), "failures of " + cache);
        assertEquals(suppressed, data.get("suppressed"), "suppressed of " + cache);
    }

    private List<Notification> ofType(String type) {
        return received.stream().filter(n -> n.getType().equals(type)).toList();
    }
}
