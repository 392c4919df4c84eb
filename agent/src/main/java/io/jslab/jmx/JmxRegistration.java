package io.jslab.jmx;

import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import io.jslab.track.Populations;
import io.jslab.slab.SlabListener;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Every JMX registration of jslab, in one place: the four MBeans of SPEC section 6 in the
 * platform MBean server, one {@code SlabCache} MBean per cache as caches appear, and the
 * notifications. The agent calls {@link #register} once and closes the result from its shutdown
 * hook (closing is idempotent, so closing it earlier too is fine).
 *
 * <p>Names are checked before registering. When the plain names are taken (another jslab
 * instance loaded in the same JVM through another class loader), this instance registers
 * under {@code instance=2} (3, ...) instead of failing: see {@link JmxNames}.
 *
 * <p>No port is opened: remote access is whatever the JVM's {@code com.sun.management.jmxremote.*}
 * settings give the platform server.
 */
public final class JmxRegistration implements AutoCloseable {

    private final MBeanServer server;
    private final SlabAllocator allocator;
    private final Populations populations;
    private final JmxNames names;
    private final LongSupplier clockMillis;
    private final ThreadPoolExecutor notifier;
    private final SlabInfoBean slabInfo;
    /** The registered names, fixed and per cache, in registration order; guarded by {@code this}. */
    private final List<ObjectName> registered = new ArrayList<>();
    private final Map<SlabCache, FailureGate> gates = new ConcurrentHashMap<>();
    /** Written under {@code this}; volatile so the event path can read it without the lock. */
    private volatile boolean closed;

    private JmxRegistration(MBeanServer server, SlabAllocator allocator, LongSupplier clockMillis,
                            Populations populations) {
        this.populations = populations;
        this.server = server;
        this.allocator = allocator;
        this.names = JmxNames.firstFree(server);
        this.clockMillis = clockMillis;
        this.notifier = notificationThread();
        this.slabInfo = new SlabInfoBean(allocator, names.slabInfo(), notifier);
    }

    /**
     * Registers jslab's MBeans for {@code allocator} in the platform MBean server.
     *
     * @return what unregisters them all; idempotent
     * @throws IllegalStateException if the server refuses a registration (nothing stays registered)
     */
    public static AutoCloseable register(SlabAllocator allocator, AgentView agent) {
        return register(allocator, agent, Populations.NONE);
    }

    /** As above, the caches' figures completed by what the tracker knows of their populations. */
    public static AutoCloseable register(SlabAllocator allocator, AgentView agent, Populations populations) {
        return register(ManagementFactory.getPlatformMBeanServer(), allocator, agent,
                () -> System.nanoTime() / 1_000_000, populations);
    }

    static JmxRegistration register(MBeanServer server, SlabAllocator allocator, AgentView agent,
                                    LongSupplier clockMillis) {
        return register(server, allocator, agent, clockMillis, Populations.NONE);
    }

    static JmxRegistration register(MBeanServer server, SlabAllocator allocator, AgentView agent,
                                    LongSupplier clockMillis, Populations populations) {
        JmxRegistration registration = new JmxRegistration(server, allocator, clockMillis, populations);
        try {
            registration.registerFixed(agent);
        } catch (JMException | RuntimeException e) {
            registration.close();
            throw new IllegalStateException("jslab: cannot register the MBeans: " + e, e);
        }
        return registration;
    }

    private void registerFixed(AgentView agent) throws JMException {
        add(AgentBean.of(agent), names.agent());
        add(BuddyArenaBean.of(allocator), names.buddyArena());
        add(slabInfo, names.slabInfo());
        // Listen first, then walk the existing caches: a cache created in between is seen twice
        // (the second registration is skipped), never missed.
        allocator.addListener(new Listener());
        for (SlabCache cache : allocator.caches()) {
            registerCache(cache);
        }
    }

    private synchronized void add(Object bean, ObjectName name) throws JMException {
        if (closed) {
            return;
        }
        server.registerMBean(bean, name);
        registered.add(name);
    }

    /** Registers the cache's MBean unless it is there already; false when it was. */
    private boolean registerCache(SlabCache cache) throws JMException {
        ObjectName name = names.slabCache(cache.name());
        synchronized (this) {
            if (closed || server.isRegistered(name)) {
                return false;
            }
            try {
                add(SlabCacheBean.of(cache, populations), name);
            } catch (InstanceAlreadyExistsException raced) {
                return false;
            }
        }
        return true;
    }

    /** Unregisters every MBean this registration made; later cache events are ignored. */
    @Override
    public void close() {
        List<ObjectName> toRemove;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toRemove = new ArrayList<>(registered);
            registered.clear();
        }
        for (int i = toRemove.size() - 1; i >= 0; i--) {
            try {
                server.unregisterMBean(toRemove.get(i));
            } catch (InstanceNotFoundException gone) {
                // Someone unregistered it already: the state we want.
            } catch (JMException | RuntimeException e) {
                // Shutting down: nothing useful to do with it, and nothing may reach the host.
            }
        }
        notifier.shutdown();
    }

    /** Feeds the MBeans from the allocator's events; runs on the host's threads, so never throws. */
    private final class Listener implements SlabListener {

        @Override
        public void cacheCreated(SlabCache cache) {
            try {
                if (registerCache(cache)) {
                    slabInfo.cacheCreated(cache.name());
                }
            } catch (Throwable ignored) {
                // A cache without its MBean still works and still shows in SlabInfo.
            }
        }

        @Override
        public void allocationFailed(SlabCache cache) {
            try {
                if (closed) {
                    return;
                }
                long suppressed = gates.computeIfAbsent(cache, c -> new FailureGate())
                        .tryPass(clockMillis.getAsLong());
                if (suppressed >= 0) {
                    slabInfo.allocationFailed(cache.name(), cache.stats().allocationFailures(), suppressed);
                }
            } catch (Throwable ignored) {
                // Notifications are a courtesy; the failure itself is counted by the cache.
            }
        }

        @Override
        public void arenaGrown(int chunks) {
            try {
                if (!closed) {
                    slabInfo.arenaGrown(chunks);
                }
            } catch (Throwable ignored) {
                // As above.
            }
        }
    }

    /**
     * One daemon thread, started on demand and ended after a minute idle, delivers the
     * notifications, so that a slow listener never holds up a thread that allocates. A full
     * queue drops notifications rather than block the host.
     */
    private static ThreadPoolExecutor notificationThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), task -> {
                    // Made on whichever host thread sends first: take none of its inheritable
                    // thread-locals, and hold no loader of the host's alive.
                    Thread thread = new Thread(null, task, "jslab-jmx-notifications", 0, false);
                    thread.setDaemon(true);
                    thread.setContextClassLoader(null);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
