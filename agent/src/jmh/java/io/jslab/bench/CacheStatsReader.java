package io.jslab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
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

    long activeObjectsError() throws JMException {
        return (Long) server.getAttribute(cache, "ActiveObjectsError");
    }

    double watchedFraction() throws JMException {
        return (Double) server.getAttribute(cache, "WatchedFraction");
    }

    long allocations() throws JMException {
        return (Long) server.getAttribute(cache, "Allocations");
    }

    long allocationFailures() throws JMException {
        return (Long) server.getAttribute(cache, "AllocationFailures");
    }

    long numObjects() throws JMException {
        return (Long) server.getAttribute(cache, "NumObjects");
    }

    long memoryBytes() throws JMException {
        return (Long) server.getAttribute(cache, "MemoryBytes");
    }

    /**
     * One line for a benchmark's output after a trial: whether every construction got a slot.
     * An arena that filled up (the reclaimer falling behind) would leave objects untracked, and
     * untracked constructions are cheaper: a benchmark with failures measured the wrong thing.
     */
    static void report(String cacheName) {
        if (System.getProperty("io.jslab.agent.version") == null) {
            return;
        }
        try {
            CacheStatsReader reader = find(cacheName);
            if (reader == null) {
                System.out.println("jslab: no cache " + cacheName);
                return;
            }
            String line = String.format("jslab %s: allocations=%d failures=%d active=%d error=%d watched=%s",
                    cacheName, reader.allocations(), reader.allocationFailures(), reader.activeObjects(),
                    reader.activeObjectsError(), reader.watchedFraction());
            System.out.println(line);
            // JMH carries a fork's System.out over its own link; the profiler reads this file.
            Files.writeString(JslabForkProfiler.reportFile(ProcessHandle.current().pid()), line + "\n");
        } catch (JMException | IOException e) {
            System.out.println("jslab: cannot read cache " + cacheName + ": " + e);
        }
    }

    /** Bytes of off-heap memory the arena has mapped: its chunks, whoever uses them. */
    long arenaMappedBytes() throws JMException {
        ObjectName arena = new ObjectName("io.jslab:type=BuddyArena");
        long pages = (Long) server.getAttribute(arena, "TotalPages");
        int pageSize = (Integer) server.getAttribute(arena, "PageSize");
        return pages * pageSize;
    }
}
