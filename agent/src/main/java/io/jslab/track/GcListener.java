package io.jslab.track;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;

/**
 * Tells the reclaimer that a collection ended, from the garbage collection notifications of
 * every {@link GarbageCollectorMXBean} that emits them.
 *
 * <p>The notifications arrive on the JVM's service thread after each collection; the listener
 * does nothing there but signal, so it never delays the next notification. Collections that send
 * none (the remark pause of a concurrent cycle, on some collectors) are covered by the
 * reclaimer's once-a-second walk.
 */
final class GcListener implements NotificationListener, AutoCloseable {

    private static final NotificationFilter GC_ONLY = notification ->
            GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType());

    private final Runnable collectionEnded;
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    private GcListener(Runnable collectionEnded) {
        this.collectionEnded = collectionEnded;
    }

    /** Listens to every collector that emits notifications; {@link #close} stops listening. */
    static GcListener listen(Runnable collectionEnded) {
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
        collectionEnded.run();
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
