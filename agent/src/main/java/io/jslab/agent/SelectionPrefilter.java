package io.jslab.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;

/**
 * The transformer {@code -javaagent} installs: a look at each class's name and raw bytes that
 * hands only the classes that may be selected to Byte Buddy's transformer, made on first need.
 *
 * <p>Why: Byte Buddy's agent builder and the type descriptions it makes for every loaded class
 * were most of the agent's start-up time (some 1,500 classes loaded before {@code main}); a JVM
 * whose code has no selected class now never loads Byte Buddy at all. The decision stays Byte
 * Buddy's ({@link ClassSelection}); this filter only says "surely not", so it may pass a class
 * that is then not rewritten, and never stops one that is selected:
 * <ul>
 * <li>the never-list and {@code exclude} remove a class whatever else holds;</li>
 * <li>{@code include} matches the name;</li>
 * <li>{@code @SlabAllocated} on the class or a constructor puts its descriptor in the class file;</li>
 * <li>{@code @Inherited} from a superclass: the superclass's own class file is read through the
 *     loader (the superclass loads after this class's transformation, so nothing about it is
 *     known yet), up to the JDK; a class file that cannot be read or parsed passes.</li>
 * </ul>
 * Only new classes are seen: as Byte Buddy's own installation did without a redefinition
 * strategy, the filter is registered as not retransform-capable. Nothing is thrown to the JVM.
 */
final class SelectionPrefilter implements ClassFileTransformer {

    /**
     * Never rewritten: the JDK and jslab itself, with its relocated dependencies
     * ({@code io.jslab.internal.}). An application's own Byte Buddy or ASM is the application's
     * code like any other.
     */
    static final List<String> NEVER = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "io.jslab.");

    private final WildcardMatcher include;
    private final WildcardMatcher exclude;
    private final Supplier<ClassFileTransformer> makeDelegate;
    private final AgentStatus status;
    private volatile ClassFileTransformer delegate;
    private boolean failed;

    SelectionPrefilter(WildcardMatcher include, WildcardMatcher exclude, Supplier<ClassFileTransformer> makeDelegate,
                       AgentStatus status) {
        this.include = include;
        this.exclude = exclude;
        this.makeDelegate = makeDelegate;
        this.status = status;
    }

    static boolean isNever(String binaryName) {
        for (String prefix : NEVER) {
            if (binaryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) {
        try {
            if (className == null || loader == null || !mayBeSelected(loader, className, classFile)) {
                return null;
            }
            ClassFileTransformer transformer = delegate();
            if (transformer == null) {
                return null;
            }
            try {
                return transformer.transform(module, loader, className, classBeingRedefined, domain, classFile);
            } catch (IllegalClassFormatException | RuntimeException | LinkageError reported) {
                // Byte Buddy's listener reported the failure before Byte Buddy threw it; the JVM,
                // which ignores what an installed transformer throws, loads the class unchanged.
                return null;
            }
        } catch (Throwable t) {
            // Byte Buddy's transformer reports its own failures; this is the filter's, and rare.
            status.error("cannot instrument " + className + ", it stays unchanged", t);
            return null;
        }
    }

    /** Whether the class named {@code internalName} (slashes) may be selected: false is sure. */
    boolean mayBeSelected(ClassLoader loader, String internalName, byte[] classFile) {
        String name = internalName.replace('/', '.');
        if (isNever(name) || exclude.matches(name)) {
            return false;
        }
        if (include.matches(name) || ClassFileHints.mentionsAnnotation(classFile)) {
            return true;
        }
        return superclassMayCarryAnnotation(loader, classFile);
    }

    private static boolean superclassMayCarryAnnotation(ClassLoader loader, byte[] classFile) {
        byte[] current = classFile;
        // A bound against a cycle of malformed class files; real hierarchies are far shallower.
        for (int depth = 0; depth < 64; depth++) {
            String superName;
            byte[] superFile;
            try {
                superName = ClassFileHints.superName(current);
                if (superName == null || isNever(superName.replace('/', '.'))) {
                    return false;
                }
                superFile = ClassFileHints.read(loader, superName);
            } catch (Exception unreadable) {
                return true;
            }
            if (superFile == null) {
                return true;
            }
            if (ClassFileHints.mentionsAnnotation(superFile)) {
                return true;
            }
            current = superFile;
        }
        return true;
    }

    /** Byte Buddy's transformer, made once, by whichever thread first needs it; null if it failed. */
    private ClassFileTransformer delegate() {
        ClassFileTransformer made = delegate;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (delegate == null && !failed) {
                try {
                    delegate = makeDelegate.get();
                } catch (RuntimeException | LinkageError e) {
                    failed = true;
                    status.error("cannot set up the constructor rewrite; nothing is instrumented", e);
                }
            }
            return delegate;
        }
    }
}
