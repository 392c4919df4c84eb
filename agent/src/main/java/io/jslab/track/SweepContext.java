package io.jslab.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * What every buffer of one tracker shares: the records' maker, freer and settler, the error
 * sink, where old segments go (the reclaimer), and the collection epoch.
 *
 * <p>The epoch counts the collections the GC listener has heard of. A buffer remembers the epoch
 * of its last sweep; a thread that fills a segment sweeps its buffer again only when a collection
 * has ended since, since only a collection can clear a reference.
 */
final class SweepContext {

    private static final VarHandle EPOCH;

    static {
        try {
            EPOCH = MethodHandles.lookup().findVarHandle(SweepContext.class, "epoch", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SlotRecords records;
    final ErrorSink errors;
    final Consumer<Segment> promote;
    @SuppressWarnings("unused") // accessed through EPOCH
    private long epoch;

    SweepContext(SlotRecords records, ErrorSink errors, Consumer<Segment> promote) {
        this.records = records;
        this.errors = errors;
        this.promote = promote;
    }

    /** Any thread; acquire pairs with the release in {@link #collectionEnded}. */
    long epoch() {
        return (long) EPOCH.getAcquire(this);
    }

    /** The GC notification thread, the only writer, after each collection. */
    void collectionEnded() {
        EPOCH.setRelease(this, (long) EPOCH.get(this) + 1);
    }
}
