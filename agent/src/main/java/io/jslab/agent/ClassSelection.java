package io.jslab.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.inheritsAnnotation;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
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

    /**
     * Never rewritten: the JDK, jslab itself with its relocated dependencies ({@code io.jslab.internal.}),
     * and an unrelocated Byte Buddy, which only jslab's own build ever runs with.
     */
    private static final List<String> NEVER = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.jslab.", "net.bytebuddy.");

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
        for (String prefix : NEVER) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return !type.isInterface()
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
            return inheritsAnnotation(named(ANNOTATION)).matches(type);
        } catch (RuntimeException unresolvable) {
            // A superclass whose class file cannot be found: the class cannot load either, so it
            // is no class of ours, and no error of ours to report.
            return false;
        }
    }

    /** Whether the candidate {@code type} has at least one selected constructor. */
    boolean selects(TypeDescription type) {
        return selectsWholeClass(type) || declaresMethod(ANNOTATED_CONSTRUCTOR).matches(type);
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
