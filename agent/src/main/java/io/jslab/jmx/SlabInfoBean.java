package io.jslab.jmx;

import io.jslab.slab.SlabAllocator;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfoSupport;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.jslab:type=SlabInfo}: the whole {@code /proc/slabinfo} as a table, its text, a global
 * shrink, and the notifications.
 *
 * <p>An open MBean rather than an MXBean: in an MXBean interface a {@code TabularData} getter is
 * mapped as a bean and reaches clients as {@code CompositeData}; declared here with its
 * {@code TabularType}, {@code Caches} reaches JConsole and any client as a real table.
 */
final class SlabInfoBean extends NotificationBroadcasterSupport implements DynamicMBean {

    static final String CACHE_CREATED = "io.jslab.cache.created";
    static final String ARENA_GROWN = "io.jslab.arena.grown";
    static final String ALLOCATION_FAILED = "io.jslab.allocation.failed";

    /** The user data of an {@code allocation.failed} notification. */
    static final CompositeType FAILURE;

    static {
        try {
            FAILURE = new CompositeType("io.jslab.AllocationFailure", "A failed allocation",
                    new String[] {"cache", "failures", "suppressed"},
                    new String[] {"cache name", "AllocationFailures of the cache so far",
                        "failures since the previous notification that were not announced"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.LONG});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final MBeanNotificationInfo[] NOTIFICATIONS = {
        new MBeanNotificationInfo(new String[] {CACHE_CREATED}, Notification.class.getName(),
                "A slab cache was created; user data: its name"),
        new MBeanNotificationInfo(new String[] {ARENA_GROWN}, Notification.class.getName(),
                "The buddy arena mapped another chunk; user data: the number of chunks"),
        new MBeanNotificationInfo(new String[] {ALLOCATION_FAILED}, Notification.class.getName(),
                "An allocation failed for lack of arena memory, at most one per cache per second; "
                        + "user data: cache, failures, suppressed"),
    };

    private static final MBeanInfo INFO = new OpenMBeanInfoSupport(SlabInfoBean.class.getName(),
            "jslab's /proc/slabinfo: every slab cache as a table, the text, shrink, and notifications",
            new OpenMBeanAttributeInfoSupport[] {
                new OpenMBeanAttributeInfoSupport("Caches",
                        "One row per slab cache with the slabinfo columns (name, active_objs, num_objs, "
                                + "objsize, objperslab, pagesperslab, active_slabs, num_slabs) and churn",
                        CachesTable.TYPE, true, false, false),
            },
            new OpenMBeanConstructorInfoSupport[0],
            new OpenMBeanOperationInfoSupport[] {
                new OpenMBeanOperationInfoSupport("slabinfo",
                        "The /proc/slabinfo text, version 2.1, byte for byte the kernel's layout",
                        new OpenMBeanParameterInfoSupport[0], SimpleType.STRING, MBeanOperationInfo.INFO),
                new OpenMBeanOperationInfoSupport("shrink",
                        "Shrinks every cache: gives empty slabs back to the arena; returns the pages given back",
                        new OpenMBeanParameterInfoSupport[0], SimpleType.LONG, MBeanOperationInfo.ACTION),
            },
            NOTIFICATIONS);

    private final SlabAllocator allocator;
    private final ObjectName name;
    private final AtomicLong sequence = new AtomicLong();

    /** Notifications go out on {@code executor}, never on the allocating thread. */
    SlabInfoBean(SlabAllocator allocator, ObjectName name, Executor executor) {
        super(executor, NOTIFICATIONS);
        this.allocator = allocator;
        this.name = name;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if ("Caches".equals(attribute)) {
            return CachesTable.of(allocator.caches());
        }
        throw new AttributeNotFoundException("no attribute " + attribute + "; SlabInfo has Caches");
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("SlabInfo attributes are read-only: " + attribute.getName());
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String attribute : attributes) {
            try {
                list.add(new Attribute(attribute, getAttribute(attribute)));
            } catch (AttributeNotFoundException e) {
                // JMX semantics: an unknown name is left out of the list.
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws ReflectionException {
        boolean noArguments = (params == null || params.length == 0)
                && (signature == null || signature.length == 0);
        if (noArguments && "slabinfo".equals(operation)) {
            return allocator.slabinfo();
        }
        if (noArguments && "shrink".equals(operation)) {
            return allocator.shrink();
        }
        throw new ReflectionException(new NoSuchMethodException(operation),
                "no operation " + operation + " with these arguments; SlabInfo has slabinfo() and shrink()");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return INFO;
    }

    void cacheCreated(String cacheName) {
        Notification n = new Notification(CACHE_CREATED, name, sequence.incrementAndGet(),
                "slab cache created: " + cacheName);
        n.setUserData(cacheName);
        sendNotification(n);
    }

    void arenaGrown(int chunks) {
        Notification n = new Notification(ARENA_GROWN, name, sequence.incrementAndGet(),
                "arena grown to " + chunks + (chunks == 1 ? " chunk" : " chunks"));
        n.setUserData(chunks);
        sendNotification(n);
    }

    void allocationFailed(String cacheName, long failures, long suppressed) {
        Notification n = new Notification(ALLOCATION_FAILED, name, sequence.incrementAndGet(),
                "allocation failed in slab cache " + cacheName + ": arena out of memory ("
                        + failures + " failures in all, " + suppressed + " not announced since the last notification)");
        try {
            n.setUserData(new CompositeDataSupport(FAILURE, new String[] {"cache", "failures", "suppressed"},
                    new Object[] {cacheName, failures, suppressed}));
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        sendNotification(n);
    }
}
