package io.jslab.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads one cache's figures the way any JMX client does: the agent's
 * {@code io.jslab:type=SlabCache,name=...} MXBean in the platform MBean server, found by its
 * {@code Name} attribute (so the benchmark does not depend on how names are quoted).
 */
final class CacheStatsReader {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName cache;

    private CacheStatsReader(ObjectName cache) {
        this.cache = cache;
    }

    /** The reader of the cache named {@code name}, or {@code null} while no such cache exists. */
    static CacheStatsReader find(String name) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName candidate : server.queryNames(new ObjectName("io.jslab:type=SlabCache,*"), null)) {
            if (name.equals(server.getAttribute(candidate, "Name"))) {
                return new CacheStatsReader(candidate);
            }
        }
        return null;
    }

    long activeObjects() throws JMException {
        return (Long) server.getAttribute(cache, "ActiveObjects");
    }

    long memoryBytes() throws JMException {
        return (Long) server.getAttribute(cache, "MemoryBytes");
    }

    /** Bytes of off-heap memory the arena has mapped: its chunks, whoever uses them. */
    long arenaMappedBytes() throws JMException {
        ObjectName arena = new ObjectName("io.jslab:type=BuddyArena");
        long pages = (Long) server.getAttribute(arena, "TotalPages");
        int pageSize = (Integer) server.getAttribute(arena, "PageSize");
        return pages * pageSize;
    }
}
