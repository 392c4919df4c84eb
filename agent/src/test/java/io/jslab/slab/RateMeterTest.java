package io.jslab.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    @Test
    void noRateBeforeTwoSamples() {
        RateMeter meter = new RateMeter();
        assertEquals(0.0, meter.allocationRate());
        meter.sample(1_000, 50, 10);
        assertEquals(0.0, meter.allocationRate());
        assertEquals(0.0, meter.freeRate());
    }

    @Test
    void rateIsTheGrowthOverTheLastFiveSeconds() {
        RateMeter meter = new RateMeter();
        meter.sample(0, 0, 0);
        meter.sample(1_000, 100, 40);
        assertEquals(100.0, meter.allocationRate());
        assertEquals(40.0, meter.freeRate());
        for (int s = 2; s <= 8; s++) {
            meter.sample(s * 1_000L, s * 100L + (s == 8 ? 1000 : 0), s * 40L);
        }
        // newest at 8 s (1800 allocations), oldest within 5 s: 3 s (300): 1500 / 5 s
        assertEquals(300.0, meter.allocationRate());
        assertEquals(40.0, meter.freeRate());
    }

    @Test
    void samplesCloserThanTheIntervalAreSkipped() {
        RateMeter meter = new RateMeter();
        meter.sample(0, 0, 0);
        meter.sample(899, 1000, 0);  // skipped: too soon
        meter.sample(900, 90, 0);
        assertEquals(100.0, meter.allocationRate());
    }
}
