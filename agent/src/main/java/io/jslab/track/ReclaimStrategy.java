package io.jslab.track;

import java.lang.ref.ReferenceQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How the tracker learns which tracked objects the collector reclaimed.
 *
 * <ul>
 * <li>{@code sweep} (the default): records have no queue; after each collection the threads
 *     that own the records (and the reclaimer, for idle threads and old records) walk them and
 *     free those whose reference {@link SlotRef#refersTo refers to null}. The collector only
 *     clears references; the frees land in the freeing thread's own magazine.</li>
 * <li>{@code queue}: records carry a {@link ReferenceQueue}; the JVM's reference handler thread
 *     enqueues each cleared record after the collection and the reclaimer thread frees what it
 *     takes from the queue. Walks then only drop records already freed.</li>
 * </ul>
 *
 * <p>Chosen by the internal system property {@code jslab.reclaim} ({@code sweep} or
 * {@code queue}), for the benchmark that compares them.
 */
interface ReclaimStrategy {

    String PROPERTY = "jslab.reclaim";

    /** {@link #settle} results: keep the record; drop it; drop it, this call freed its slot. */
    int KEEP = 0;
    int DROP = 1;
    int FREED = 2;

    /** The queue new records register with, or null. */
    ReferenceQueue<Object> queue();

    /**
     * Reclaimer thread: waits up to {@code nanos} (or until unparked, when a collection ended),
     * freeing on its own what the strategy learns about while waiting. Returns the slots freed.
     */
    long await(long nanos, SlotRecords records) throws InterruptedException;

    /** During a walk: what becomes of {@code ref}; frees its slot when this strategy frees by walking. */
    int settle(SlotRef ref, SlotRecords records);

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
        public long await(long nanos, SlotRecords records) {
            LockSupport.parkNanos(this, nanos);
            return 0;
        }

        @Override
        public int settle(SlotRef ref, SlotRecords records) {
            if (!ref.refersTo(null)) {
                return KEEP;
            }
            return records.release(ref) ? FREED : DROP;
        }
    }

    final class Queue implements ReclaimStrategy {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

        @Override
        public ReferenceQueue<Object> queue() {
            return queue;
        }

        @Override
        public long await(long nanos, SlotRecords records) throws InterruptedException {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
            // Bounded, so that a steady stream of dead objects still lets the walks and the
            // once-a-second maintenance run.
            long freed = 0;
            Object ref = queue.remove(millis);
            for (int budget = 1 << 16; ref != null && budget > 0; budget--) {
                if (records.release((SlotRef) ref)) {
                    freed++;
                }
                ref = budget > 1 ? queue.poll() : null;
            }
            return freed;
        }

        @Override
        public int settle(SlotRef ref, SlotRecords records) {
            return ref.isFreed() ? DROP : KEEP;
        }
    }
}
