package io.jslab.track;

/**
 * What the tracker knows of one tracked class's cache (SPEC 2a).
 *
 * @param active          the estimate of the live (uncollected) objects
 * @param error           the half-width of its 95% interval; 0 when exact
 * @param exact           whether every live object is watched, so {@code active} is a count
 * @param watchedFraction the probability a construction is watched now (1/weight)
 * @param allocations     constructions counted, exactly
 * @param watched         constructions watched
 * @param allocationRate  constructions a second, smoothed over the last seconds
 * @param freeRate        objects a second leaving the estimate, smoothed likewise
 */
public record Estimate(long active, long error, boolean exact, double watchedFraction,
                       long allocations, long watched, double allocationRate, double freeRate) {
}
