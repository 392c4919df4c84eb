package io.jslab.agent;

import io.jslab.runtime.SlabHook;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Sinks for the hook that count, per class name, constructions and failures; installed while a test runs. */
final class CountingSinks implements AutoCloseable {

    final Map<String, AtomicInteger> constructed = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();

    CountingSinks() {
        SlabHook.install((object, type) -> count(constructed, type), (object, type) -> count(failed, type));
    }

    private static void count(Map<String, AtomicInteger> counts, Class<?> type) {
        counts.computeIfAbsent(type.getName(), name -> new AtomicInteger()).incrementAndGet();
    }

    int constructed(String className) {
        AtomicInteger count = constructed.get(className);
        return count == null ? 0 : count.get();
    }

    int failed(String className) {
        AtomicInteger count = failed.get(className);
        return count == null ? 0 : count.get();
    }

    /** Constructions that still stand: counted and not undone. */
    int live(String className) {
        return constructed(className) - failed(className);
    }

    @Override
    public void close() {
        SlabHook.install(null, null);
    }
}
