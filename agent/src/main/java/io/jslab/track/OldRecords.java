package io.jslab.track;

import java.util.ArrayDeque;

/**
 * The reclaimer's records of long-lived objects (those that survived their thread's sweeps, and
 * those of threads that ended), kept as a list of segments of at most
 * {@link SlotBuffer#MAX_SEGMENT} records, never as one large array.
 *
 * <pre>
 *   segments: [r r r r r r r r] [r r r r . . . .] [r . . . . . . .]   &lt;- sparse after a sweep
 *   sweep:    compact each; empty ones dropped; those under a quarter full packed together
 *   after:    [r r r r r r r r] [r r r r r . . .]
 * </pre>
 *
 * <p>Why segments: the records of a million live objects in one array would make it a humongous
 * object of megabytes, copied whole each time it grew or shrank, and a collector short of
 * contiguous free regions for such a copy can fail the allocation outright: the agent must not
 * put that on the host. Segments are small arrays like every other.
 *
 * <p>Steps of a sweep: 1. compact every segment ({@link Segment#compact}: slots of cleared records
 * freed, freed records dropped); 2. drop the empty ones; 3. move the records of segments less than
 * a quarter full into packed ones, so that a thinning population does not keep a 4 KiB array per
 * handful of records. The reclaimer thread only.
 */
final class OldRecords {

    private final SlotRecords records;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();

    OldRecords(SlotRecords records) {
        this.records = records;
    }

    /** Takes a segment handed over by a thread; returns the slots freed while settling it. */
    int adopt(Segment segment) {
        int freed = segment.compact(records);
        if (segment.count() > 0) {
            segments.addLast(segment);
        }
        return freed;
    }

    /** Settles every record; returns the slots freed. */
    long sweep() {
        long freed = 0;
        Segment packing = null;
        for (int n = segments.size(); n > 0; n--) {
            Segment segment = segments.pollFirst();
            freed += segment.compact(records);
            int left = segment.count();
            if (left == 0) {
                continue;
            }
            if (left >= segment.capacity() / 4) {
                segments.addLast(segment);
                continue;
            }
            for (int i = 0; i < left; i++) {
                if (packing == null || !packing.add(segment.refs[i])) {
                    if (packing != null) {
                        segments.addLast(packing);
                    }
                    packing = new Segment(SlotBuffer.MAX_SEGMENT);
                    packing.add(segment.refs[i]);
                }
            }
        }
        if (packing != null) {
            segments.addLast(packing);
        }
        return freed;
    }

    /** The record of {@code object}, or null. */
    SlotRef find(Object object) {
        for (Segment segment : segments) {
            SlotRef ref = segment.find(object);
            if (ref != null) {
                return ref;
            }
        }
        return null;
    }

    /** Records held. */
    long count() {
        long count = 0;
        for (Segment segment : segments) {
            count += segment.count();
        }
        return count;
    }
}
