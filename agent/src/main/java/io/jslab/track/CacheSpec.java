package io.jslab.track;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * The cache a class asks for: its name and alignment, from the class's {@code @SlabAllocated}
 * (inherited ones included) or else the class's binary name, 8-byte aligned.
 *
 * <p>The annotation is matched by name and read reflectively: a class defined by a loader that
 * cannot see the agent's {@code io.jslab.SlabAllocated} carries its own copy of the annotation
 * type, which {@code getAnnotation(SlabAllocated.class)} would not find.
 */
record CacheSpec(String name, boolean hwcacheAlign) {

    static final String ANNOTATION = "io.jslab.SlabAllocated";

    static CacheSpec of(Class<?> type) throws ReflectiveOperationException {
        for (Annotation annotation : type.getAnnotations()) {
            Class<? extends Annotation> annotationType = annotation.annotationType();
            if (annotationType.getName().equals(ANNOTATION)) {
                String cache = (String) attribute(annotation, "cache").invoke(annotation);
                boolean align = (Boolean) attribute(annotation, "hwcacheAlign").invoke(annotation);
                return new CacheSpec(cache.isEmpty() ? type.getName() : cache, align);
            }
        }
        return new CacheSpec(type.getName(), false);
    }

    private static Method attribute(Annotation annotation, String name) throws NoSuchMethodException {
        Class<? extends Annotation> annotationType = annotation.annotationType();
        Method method = annotationType.getMethod(name);
        // A copy of the annotation type in a foreign loader is still public, but its package may
        // sit in a module that does not open it to us.
        if (!method.canAccess(annotation) && !method.trySetAccessible()) {
            throw new NoSuchMethodException(annotationType.getName() + "." + name + " is not accessible");
        }
        return method;
    }
}
