package io.jslab.track;

import io.jslab.slab.SlabCache;

/** What the JMX layer reads and sets of the tracked caches' populations (SPEC 2a). */
public interface Populations {

    /** No cache is tracked: every cache is one of the direct API, its slots its objects. */
    Populations NONE = new Populations() {
        @Override
        public Estimate estimate(SlabCache cache) {
            return null;
        }

        @Override
        public boolean forcedExact(SlabCache cache) {
            return false;
        }

        @Override
        public boolean exact(SlabCache cache, boolean exact) {
            return false;
        }
    };

    /** The estimate of {@code cache}'s live objects, or null for a cache no tracked class fills. */
    Estimate estimate(SlabCache cache);

    /** Whether {@code cache} is watched entirely whatever its rate. */
    boolean forcedExact(SlabCache cache);

    /** Makes {@code cache} watched entirely, or gives it back to the budget; false if not tracked. */
    boolean exact(SlabCache cache, boolean exact);
}
