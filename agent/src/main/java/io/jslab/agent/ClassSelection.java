package io.jslab.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes and constructors the agent rewrites (SPEC section 2).
 *
 * <p>A class is selected as a whole when it carries {@code @SlabAllocated}, directly or inherited
 * from a superclass, or when its name matches {@code include}; otherwise its constructors that
 * carry the annotation themselves are selected. {@code exclude} and the never-list win over both.
 * The annotation is matched by name on Byte Buddy's type descriptions, which are read from class
 * files, so matching never loads the class being matched nor the annotation's own class.
 */
final class ClassSelection {

    static final String ANNOTATION = "io.jslab.SlabAllocated";

    private static final ElementMatcher<MethodDescription> ANNOTATED_CONSTRUCTOR =
            isConstructor().and(isAnnotatedWith(named(ANNOTATION)));

    private final WildcardMatcher include;
    private final WildcardMatcher exclude;

    ClassSelection(WildcardMatcher include, WildcardMatcher exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /** Cheap checks on the name and shape alone; Byte Buddy asks this before anything else. */
    boolean isCandidate(TypeDescription type) {
        String name = type.getName();
        return !SelectionPrefilter.isNever(name)
                && !type.isInterface()
                && !type.isAnnotation()
                && !type.isSynthetic()
                && !name.contains("$$Lambda")
                && !name.contains("/")
                && !exclude.matches(name);
    }

    /** Whether every constructor of the candidate {@code type} is selected. */
    boolean selectsWholeClass(TypeDescription type) {
        if (include.matches(type.getName())) {
            return true;
        }
        try {
            return carriesAnnotation(type);
        } catch (RuntimeException unresolvable) {
            // A superclass whose class file cannot be found: the class cannot load either, so it
            // is no class of ours, and no error of ours to report.
            return false;
        }
    }

    /**
     * Whether {@code type} or a superclass carries the annotation, which is {@code @Inherited}.
     * Byte Buddy's {@code inheritsAnnotation} would do, but it walks up to {@code Object} and
     * reads each annotation's type to learn whether it is inherited, for every class loaded; this
     * walk stops at the JDK, whose classes never carry it, and reads no annotation type: with
     * lazily resolving pools, a name is known without reading the class file behind it.
     */
    private static boolean carriesAnnotation(TypeDescription type) {
        for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
            TypeDescription erasure = current.asErasure();
            if (erasure.getName().startsWith("java.")) {
                return false;
            }
            for (AnnotationDescription annotation : erasure.getDeclaredAnnotations()) {
                if (annotation.getAnnotationType().getName().equals(ANNOTATION)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the candidate {@code type} has at least one selected constructor. */
    boolean selects(TypeDescription type) {
        if (selectsWholeClass(type)) {
            return true;
        }
        try {
            return declaresMethod(ANNOTATED_CONSTRUCTOR).matches(type);
        } catch (RuntimeException unreadable) {
            // As above: a class file the pool cannot read further is no class of ours.
            return false;
        }
    }

    /** Whether {@code constructor}, declared by a type that is not selected as a whole, is selected itself. */
    static boolean isAnnotated(MethodDescription constructor) {
        return ANNOTATED_CONSTRUCTOR.matches(constructor);
    }

    /** The whole decision, as one Byte Buddy matcher. */
    ElementMatcher<TypeDescription> typeMatcher() {
        return type -> isCandidate(type) && selects(type);
    }
}
