package io.jslab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class, or single constructors, whose objects draw a slot from a slab cache of their own
 * while the jslab agent is loaded.
 *
 * <p>On a class, every constructor of the class (and, since the annotation is {@link Inherited},
 * of its subclasses) is selected. On a constructor, only that constructor is selected. Each
 * object is counted once, in the cache of its runtime class, when a selected constructor declared
 * by that class returns normally. Without the agent the annotation does nothing.
 *
 * <pre>{@code
 * @SlabAllocated(cache = "dentry")
 * final class Dentry { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.CONSTRUCTOR})
public @interface SlabAllocated {

    /** The cache name; empty (the default) means the class's binary name, e.g. {@code com.acme.Outer$Node}. */
    String cache() default "";

    /**
     * Whether slots are aligned to a 64-byte hardware cache line, as the kernel's
     * {@code SLAB_HWCACHE_ALIGN}; by default slots are aligned to 8 bytes.
     */
    boolean hwcacheAlign() default false;
}
