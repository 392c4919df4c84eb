package io.jslab.jmx;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The notifications of {@code io.jslab:type=SlabInfo} (SPEC section 6): their types, how
 * JConsole's Notifications node describes them, and their messages and user data, in open types
 * so any client reads them without jslab's classes.
 */
final class SlabNotifications {

    static final String CACHE_CREATED = "io.jslab.cache.created";
    static final String ARENA_GROWN = "io.jslab.arena.grown";
    static final String ALLOCATION_FAILED = "io.jslab.allocation.failed";

    private static final String[] FAILURE_ITEMS = {"cache", "failures", "suppressed"};

    /** The user data of an {@code allocation.failed} notification. */
    static final CompositeType FAILURE;

    static {
        try {
            FAILURE = new CompositeType("io.jslab.AllocationFailure", "A failed allocation", FAILURE_ITEMS,
                    new String[] {"cache name", "AllocationFailures of the cache so far",
                        "failures since the previous notification that were not announced"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.LONG});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final MBeanNotificationInfo[] INFO = {
        new MBeanNotificationInfo(new String[] {CACHE_CREATED}, Notification.class.getName(),
                "A slab cache was created; user data: its name"),
        new MBeanNotificationInfo(new String[] {ARENA_GROWN}, Notification.class.getName(),
                "The buddy arena mapped another chunk; user data: the number of chunks"),
        new MBeanNotificationInfo(new String[] {ALLOCATION_FAILED}, Notification.class.getName(),
                "An allocation failed for lack of arena memory, at most one per cache per second; "
                        + "user data: cache, failures, suppressed"),
    };

    private SlabNotifications() {}

    static Notification cacheCreated(ObjectName source, long sequence, String cacheName) {
        Notification n = new Notification(CACHE_CREATED, source, sequence, "slab cache created: " + cacheName);
        n.setUserData(cacheName);
        return n;
    }

    static Notification arenaGrown(ObjectName source, long sequence, int chunks) {
        Notification n = new Notification(ARENA_GROWN, source, sequence,
                "arena grown to " + chunks + (chunks == 1 ? " chunk" : " chunks"));
        n.setUserData(chunks);
        return n;
    }

    static Notification allocationFailed(ObjectName source, long sequence, String cacheName, long failures,
                                         long suppressed) {
        Notification n = new Notification(ALLOCATION_FAILED, source, sequence,
                "allocation failed in slab cache " + cacheName + ": arena out of memory (" + failures
                        + " failures in all, " + suppressed + " not announced since the last notification)");
        try {
            n.setUserData(new CompositeDataSupport(FAILURE, FAILURE_ITEMS, new Object[] {cacheName, failures, suppressed}));
        } catch (OpenDataException e) {
            throw new IllegalStateException("allocation.failed user data does not match its type", e);
        }
        return n;
    }
}
