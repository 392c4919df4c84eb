package io.jslab.jmx;

/**
 * What jslab itself costs the JVM it runs in, as the Agent MBean shows it (SPEC section 6). Each
 * figure is read when asked for, so a reader pays for what it reads and the host pays nothing
 * between reads.
 */
public interface OwnCost {

    /** Nothing measured: before the agent has started, or after it has gone. */
    OwnCost NONE = new OwnCost() {
        @Override
        public long cpuTimeMillis() {
            return 0;
        }

        @Override
        public long recordHeapBytes() {
            return 0;
        }

        @Override
        public long arenaMappedBytes() {
            return 0;
        }

        @Override
        public double watchedPerSecond() {
            return 0;
        }

        @Override
        public long watchBudget() {
            return UNLIMITED;
        }
    };

    /** {@link #watchBudget()} when no budget limits the watched objects. */
    long UNLIMITED = -1;

    /**
     * CPU time of jslab's own threads so far (those named {@code jslab-}), in milliseconds; -1 when
     * the JVM cannot measure thread CPU time. The work its hooks do inside the application's own
     * threads is not in it (the benchmarks page measures that per object).
     */
    long cpuTimeMillis();

    /** Heap bytes its records of live and not yet reclaimed objects take now. */
    long recordHeapBytes();

    /** Off-heap bytes the arena has mapped: chunks times the chunk size. */
    long arenaMappedBytes();

    /** Objects given a watched slot per second, over the last few seconds. */
    double watchedPerSecond();

    /** Watched objects per second allowed, or {@link #UNLIMITED}. */
    long watchBudget();
}
