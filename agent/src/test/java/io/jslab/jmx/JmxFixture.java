package io.jslab.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A small real allocator registered in the platform MBean server: 4 KiB pages, chunks of
 * 2^4 pages (64 KiB), two chunks at most, slabs sized as for one processor (min_objects 8), and
 * a clock the test moves by hand. Closing it checks that nothing is left under {@code io.jslab}.
 */
final class JmxFixture implements AutoCloseable {

    static final int PAGE = 4096;
    static final int MAX_ORDER = 4;
    static final int CHUNK_PAGES = 1 << MAX_ORDER;
    static final int MAX_CHUNKS = 2;

    final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    final AtomicLong clockMillis = new AtomicLong(1_000_000);
    final SlabAllocator allocator;
    final JmxRegistration registration;

    JmxFixture() {
        this(MAX_CHUNKS);
    }

    JmxFixture(int maxChunks) {
        allocator = new SlabAllocator(
                new BuddyArena(new ArenaConfig(PAGE, MAX_ORDER, (long) maxChunks * CHUNK_PAGES * PAGE)), 1);
        registration = JmxRegistration.register(server, allocator, FixedAgentView.sample(), clockMillis::get);
    }

    static ObjectName name(String name) throws Exception {
        return new ObjectName(name);
    }

    static ObjectName cacheName(String cacheName) throws Exception {
        return new ObjectName("io.jslab:type=SlabCache,name=" + JmxNames.value(cacheName));
    }

    static Set<ObjectName> jslabNames(MBeanServer server) {
        try {
            return server.queryNames(new ObjectName("io.jslab:*"), null);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            registration.close();
            assertEquals(Set.of(), jslabNames(server), "MBeans left after close");
        } finally {
            allocator.close();
        }
    }
}
