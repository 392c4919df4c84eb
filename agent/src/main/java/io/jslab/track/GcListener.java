package io.jslab.track;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;

/**
 * Tells the tracker that a collection ended, and whether it was of the old generation too, from
 * the garbage collection notifications of every {@link GarbageCollectorMXBean} that emits them.
 *
 * <p>The notifications arrive on the JVM's service thread after each collection; the listener
 * does nothing there but signal, so it never delays the next notification. Collections that send
 * none (the remark pause of a concurrent cycle, on some collectors) are covered by the
 * reclaimer's once-a-second walk.
 *
 * <p>Only a young collection is known to leave the old generation's objects alone: Serial,
 * Parallel and G1 report theirs as {@value #MINOR_ACTION}, generational ZGC names its young
 * collector "ZGC Minor ...". Everything else (a full collection, G1's remark, a ZGC or Shenandoah
 * cycle, a notification that cannot be read) counts as major: at worst the old records are swept
 * once more than they had to be.
 */
final class GcListener implements NotificationListener, AutoCloseable {

    private static final NotificationFilter GC_ONLY = notification ->
            GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType());

    static final String MINOR_ACTION = "end of minor GC";

    /** What hears of each collection; on the JVM's service thread, so it must only signal. */
    @FunctionalInterface
    interface Collections {
        void ended(boolean major);
    }

    private final Collections collectionEnded;
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    private GcListener(Collections collectionEnded) {
        this.collectionEnded = collectionEnded;
    }

    /** Listens to every collector that emits notifications; {@link #close} stops listening. */
    static GcListener listen(Collections collectionEnded) {
        GcListener listener = new GcListener(collectionEnded);
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter) {
                NotificationEmitter emitter = (NotificationEmitter) bean;
                emitter.addNotificationListener(listener, GC_ONLY, null);
                listener.emitters.add(emitter);
            }
        }
        return listener;
    }

    int collectors() {
        return emitters.size();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        collectionEnded.ended(major(notification));
    }

    static boolean major(Notification notification) {
        try {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            return !MINOR_ACTION.equals(info.getGcAction()) && !info.getGcName().contains("Minor");
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this, GC_ONLY, null);
            } catch (Exception e) {
                // Already removed: nothing left to undo.
            }
        }
        emitters.clear();
    }
}
