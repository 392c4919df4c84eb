package io.jslab.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Frequency;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One cache's figures at one period (SPEC section 9): the columns of the SlabCache MBean.
 *
 * <p>{@code @Enabled(true)} and {@code @Period("1 s")} make it part of every recording without a
 * {@code .jfc} naming it, as the JDK's own periodic events are; a {@code .jfc} can still turn it
 * off or re-time it. No stack trace: the periodic thread's stack says nothing.
 */
@Name(SlabCacheEvent.NAME)
@Label("Slab Cache")
@Description("Slots, slabs, churn and lifetimes of one jslab cache")
@Category("jslab")
@Enabled(true)
@Period("1 s")
@StackTrace(false)
final class SlabCacheEvent extends Event {

    static final String NAME = "io.jslab.SlabCache";

    @Label("Cache")
    String cache;

    @Label("Object Size")
    @DataAmount
    int objectSize;

    @Label("Objects per Slab")
    int objectsPerSlab;

    @Label("Pages per Slab")
    int pagesPerSlab;

    @Label("Active Objects")
    @Description("Slots handed out and not yet freed")
    long activeObjects;

    @Label("Objects")
    @Description("Slots in all slabs")
    long numObjects;

    @Label("Active Slabs")
    long activeSlabs;

    @Label("Slabs")
    long numSlabs;

    @Label("Full Slabs")
    long fullSlabs;

    @Label("Partial Slabs")
    long partialSlabs;

    @Label("Empty Slabs")
    long emptySlabs;

    @Label("Allocations")
    @Description("Slots handed out since the cache was created")
    long allocations;

    @Label("Frees")
    @Description("Slots given back since the cache was created")
    long frees;

    @Label("Allocation Failures")
    long allocationFailures;

    @Label("Allocation Rate")
    @Frequency
    double allocationRate;

    @Label("Free Rate")
    @Frequency
    double freeRate;

    @Label("Memory")
    @DataAmount
    long memoryBytes;

    @Label("Active Memory")
    @DataAmount
    long activeBytes;

    @Label("Median Lifetime")
    @Description("Median time from allocation to free; N/A before the first free")
    @Timespan(Timespan.NANOSECONDS)
    long medianLifetime;

    @Label("P99 Lifetime")
    @Description("99th percentile of the time from allocation to free; N/A before the first free")
    @Timespan(Timespan.NANOSECONDS)
    long p99Lifetime;
}
