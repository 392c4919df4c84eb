package io.jslab.bench;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's worker threads as Netty's own {@code FastThreadLocalThread}s, so Netty's pooled allocator
 * and Recycler take their thread-local fast paths, as on an event loop. Off an event loop Netty 4.2
 * turns both caches off by default, and the comparison would be against Netty's slow path.
 *
 * <p>JMH instantiates it from {@code -Djmh.executor=CUSTOM -Djmh.executor.class=...} with this
 * exact constructor signature.
 */
public final class NettyThreadExecutor extends ThreadPoolExecutor {

    public NettyThreadExecutor(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory(prefix, true));
    }
}
