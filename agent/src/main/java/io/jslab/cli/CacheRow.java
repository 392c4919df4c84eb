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
 */
record CacheRow(String name, long activeObjs, long numObjs, long objSize, long objPerSlab,
                long pagesPerSlab, long activeSlabs, long numSlabs, long cacheSize, long use) {

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
