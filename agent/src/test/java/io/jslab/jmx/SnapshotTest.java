package io.jslab.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private final AtomicInteger taken = new AtomicInteger();
    private final Snapshot<Integer> snapshot = new Snapshot<>(taken::incrementAndGet);

    @Test
    void eachSingleReadTakesAFreshSnapshot() {
        assertEquals(1, snapshot.get());
        assertEquals(2, snapshot.get());
    }

    @Test
    void readsInsideOneBatchShareOneSnapshot() {
        List<Integer> seen = snapshot.during(() -> List.of(snapshot.get(), snapshot.get(), snapshot.get()));
        assertEquals(List.of(1, 1, 1), seen);
        assertEquals(2, snapshot.get());
    }

    @Test
    void aBatchThatFailsLeavesNoSnapshotBehind() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> snapshot.during(() -> {
            throw new IllegalStateException("getter failed");
        }));
        assertEquals("getter failed", thrown.getMessage());
        assertEquals(2, snapshot.get());
    }
}
