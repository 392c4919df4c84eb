package io.jslab.slab;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Tells virtual threads (JDK 21 and later) from platform threads, in code compiled for Java 17.
 *
 * <p>{@code Thread.isVirtual} is looked up once, reflectively; on JDK 17 to 20 it does not exist
 * and every thread is a platform thread. Per-thread state (a magazine, a buffer) is right for a
 * platform thread, which is long-lived and few, and wrong for a virtual thread, which may run one
 * short task among millions: such state is kept per stripe instead, as the kernel keeps it per
 * CPU rather than per task.
 */
public final class VirtualThreads {

    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private VirtualThreads() {}

    /** Whether {@code thread} is a virtual thread; false on JDKs without them. */
    public static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable t) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null; // JDK 17 to 20: no virtual threads
        }
    }
}
