package io.jslab.cli;

/**
 * One cache as {@code slabtop} sees it: the slabinfo columns it reads plus the two it derives.
 *
 * @param name         cache name
 * @param activeObjs   slots in use (active_objs)
 * @param numObjs      slots in all slabs (num_objs)
 * @param objSize      slot size in bytes (objsize)
 * @param objPerSlab   slots per slab (objperslab)
 * @param pagesPerSlab pages per slab (pagesperslab)
 * @param activeSlabs  slabs with a slot in use (active_slabs)
 * @param numSlabs     slabs held (num_slabs)
 * @param cacheSize    {@code numSlabs * pagesPerSlab * pageSize} in bytes, slabtop's CACHE SIZE
 * @param use          percent of slots in use, slabtop's USE
 * @param error        for a cache whose active_objs is an estimate (SPEC 2a), the half-width of
 *                     its 95% interval; {@link #EXACT} when it is a count
 */
record CacheRow(String name, long activeObjs, long numObjs, long objSize, long objPerSlab,
                long pagesPerSlab, long activeSlabs, long numSlabs, long cacheSize, long use, long error) {

    /** {@link #error} of a cache whose active_objs is a count. */
    static final long EXACT = -1;

    CacheRow(String name, long activeObjs, long numObjs, long objSize, long objPerSlab,
             long pagesPerSlab, long activeSlabs, long numSlabs, long cacheSize, long use) {
        this(name, activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab, activeSlabs, numSlabs,
                cacheSize, use, EXACT);
    }

    /** This row, its active_objs an estimate of 95% half-width {@code halfWidth}. */
    CacheRow estimated(long halfWidth) {
        return new CacheRow(name, activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab,
                activeSlabs, numSlabs, cacheSize, use, halfWidth);
    }

    /** The NAME column: an estimated row says so, with its error, so a glance tells it from a count. */
    String label() {
        return error == EXACT ? name : name + " (est. +-" + error + ")";
    }

    /**
     * Derives CACHE SIZE and USE as procps' {@code parse_slabinfo20} does. USE goes through
     * {@code float} on purpose, {@code (unsigned)(100 * ((float) active / total))}, so that a
     * ratio like 29/100 lands on the same whole percent slabtop prints.
     */
    static CacheRow of(String name, long activeObjs, long numObjs, long objSize, long objPerSlab,
                       long pagesPerSlab, long activeSlabs, long numSlabs, long pageSize) {
        long use = numObjs == 0 ? 0 : (long) (100 * ((float) activeObjs / numObjs));
        return new CacheRow(name, activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab,
                activeSlabs, numSlabs, numSlabs * pagesPerSlab * pageSize, use);
    }
}
