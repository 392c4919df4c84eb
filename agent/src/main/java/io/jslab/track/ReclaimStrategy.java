package io.jslab.track;

import java.lang.ref.ReferenceQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How the reclaimer learns which tracked objects the collector reclaimed.
 *
 * <ul>
 * <li>{@code sweep} (the default): records have no queue; after each collection (and once a
 *     second) the reclaimer walks every record and frees those whose reference
 *     {@link SlotRef#refersTo refers to null}. The collector only clears references.</li>
 * <li>{@code queue}: records carry a {@link ReferenceQueue}; the JVM's reference handler thread
 *     enqueues each cleared record after the collection and the reclaimer frees what it takes
 *     from the queue. Walks then only drop records already freed.</li>
 * </ul>
 *
 * <p>Chosen by the internal system property {@code jslab.reclaim} ({@code sweep} or
 * {@code queue}), for the benchmark that compares them.
 */
interface ReclaimStrategy {

    String PROPERTY = "jslab.reclaim";

    /** The queue new records register with, or null. */
    ReferenceQueue<Object> queue();

    /**
     * Waits up to {@code nanos} for work, or until unparked (a collection ended), freeing on
     * its own what the strategy learns about while waiting.
     */
    void await(long nanos, SlotReclaimer reclaimer) throws InterruptedException;

    /** During a walk: whether {@code ref} is done with; frees its slot when this strategy frees by walking. */
    boolean settle(SlotRef ref, SlotReclaimer reclaimer);

    /** The strategy {@code value} names; null means the default. */
    static ReclaimStrategy named(String value) {
        if (value == null || value.equals("sweep")) {
            return new Sweep();
        }
        if (value.equals("queue")) {
            return new Queue();
        }
        throw new IllegalArgumentException(
                "bad " + PROPERTY + " '" + value + "': accepted values are sweep and queue");
    }

    final class Sweep implements ReclaimStrategy {
        @Override
        public ReferenceQueue<Object> queue() {
            return null;
        }

        @Override
        public void await(long nanos, SlotReclaimer reclaimer) {
            LockSupport.parkNanos(this, nanos);
        }

        @Override
        public boolean settle(SlotRef ref, SlotReclaimer reclaimer) {
            if (!ref.refersTo(null)) {
                return false;
            }
            reclaimer.release(ref);
            return true;
        }
    }

    final class Queue implements ReclaimStrategy {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

        @Override
        public ReferenceQueue<Object> queue() {
            return queue;
        }

        @Override
        public void await(long nanos, SlotReclaimer reclaimer) throws InterruptedException {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
            // Bounded, so that a steady stream of dead objects still lets the walks and the
            // once-a-second maintenance run.
            Object ref = queue.remove(millis);
            for (int budget = 1 << 16; ref != null && budget > 0; budget--) {
                reclaimer.release((SlotRef) ref);
                ref = budget > 1 ? queue.poll() : null;
            }
        }

        @Override
        public boolean settle(SlotRef ref, SlotReclaimer reclaimer) {
            return ref.isFreed();
        }
    }
}
