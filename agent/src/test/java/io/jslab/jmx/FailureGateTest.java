package io.jslab.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureGateTest {

    @Test
    void firstFailurePassesAndTheRestOfTheSecondIsHeldBack() {
        FailureGate gate = new FailureGate();
        assertEquals(0, gate.tryPass(5_000));
        assertEquals(-1, gate.tryPass(5_000));
        assertEquals(-1, gate.tryPass(5_500));
        assertEquals(-1, gate.tryPass(5_999));
    }

    @Test
    void nextPassAfterASecondReportsWhatWasHeldBack() {
        FailureGate gate = new FailureGate();
        gate.tryPass(0);
        gate.tryPass(1);
        gate.tryPass(2);
        gate.tryPass(999);
        assertEquals(3, gate.tryPass(1_000));
        assertEquals(-1, gate.tryPass(1_999));
        assertEquals(1, gate.tryPass(2_000));
        assertEquals(0, gate.tryPass(10_000));
    }

    @Test
    void negativeClockReadingsWork() {
        FailureGate gate = new FailureGate();
        assertEquals(0, gate.tryPass(-50_000));
        assertEquals(-1, gate.tryPass(-49_001));
        assertEquals(1, gate.tryPass(-49_000));
    }
}
