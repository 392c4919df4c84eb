package io.jslab.track;

import io.jslab.SlabAllocated;

/** Classes the tracker tests construct; their shapes matter only for the cache names. */
final class Fixtures {

    private Fixtures() {}

    static final class Plain {
        long value;
    }

    static final class Other {
        Object link;
    }

    static final class Outer {
        static final class Node {
            Node next;
        }
    }

    @SlabAllocated(cache = "dentry")
    static final class Dentry {
        int hash;
    }

    @SlabAllocated(hwcacheAlign = true)
    static class AlignedBase {
        long word;
    }

    /** Inherits {@code hwcacheAlign} and takes its own binary name. */
    static final class AlignedChild extends AlignedBase {
        long more;
    }

    @SlabAllocated(cache = "two words")
    static final class BadName {
    }
}
