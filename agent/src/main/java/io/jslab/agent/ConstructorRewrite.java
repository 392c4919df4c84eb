package io.jslab.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * The class-level half of the rewrite: scans the class file, plans each constructor
 * ({@link ConstructorPlan}) and hands the constructors to {@link CountingConstructorVisitor}.
 * A class selected whole also has its {@code super.clone()} calls followed
 * ({@link CloneCountingVisitor}). Everything else in the class passes through untouched.
 *
 * <p>A class file older than version 49 (Java 5) cannot {@code ldc} a class constant, which the
 * hook calls need; such a class is refused with an exception, which Byte Buddy reports as a
 * failed transformation while the class loads unchanged.
 */
final class ConstructorRewrite extends AsmVisitorWrapper.AbstractBase {

    private final boolean wholeClass;
    private final ClassFileLocator fallbackLocator;
    private final Consumer<String> problems;

    /**
     * @param wholeClass      every constructor is selected, else only the annotated ones
     * @param fallbackLocator where to find the class file outside the agent builder (tests)
     * @param problems        receives one line per selected constructor left unchanged
     */
    ConstructorRewrite(boolean wholeClass, ClassFileLocator fallbackLocator, Consumer<String> problems) {
        this.wholeClass = wholeClass;
        this.fallbackLocator = fallbackLocator;
        this.problems = problems;
    }

    @Override
    public int mergeReader(int flags) {
        return flags | ClassReader.EXPAND_FRAMES;
    }

    @Override
    public ClassVisitor wrap(TypeDescription type, ClassVisitor target, Implementation.Context context,
                             TypePool typePool, FieldList<FieldDescription.InDefinedShape> fields,
                             MethodList<?> methods, int writerFlags, int readerFlags) {
        ConstructorScan.Result scan;
        try {
            scan = ConstructorScan.scan(ClassFilePool.classFile(type.getName(), fallbackLocator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scan.majorVersion() < Opcodes.V1_5) {
            throw new IllegalStateException("class file version " + scan.majorVersion()
                    + " is older than Java 5 (49): its constructors cannot name their class");
        }
        ConstructorPlan plan = new ConstructorPlan(scan, descriptor -> wholeClass || isAnnotated(methods, descriptor));
        plan.skipped().forEach((descriptor, reason) -> problems.accept(
                "cannot instrument constructor " + type.getName() + ".<init>" + descriptor + ", it stays unchanged: " + reason));
        String owner = type.getInternalName();
        boolean writeFrames = scan.majorVersion() >= Opcodes.V1_6;
        boolean countsCopies = wholeClass; // a class selected whole; not one with annotated constructors only
        return new ClassVisitor(OpenedClassReader.ASM_API, target) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!"<init>".equals(name)) {
                    return countsCopies && (access & Opcodes.ACC_STATIC) == 0
                            ? new CloneCountingVisitor(visitor, owner) : visitor;
                }
                ConstructorPlan.Action action = plan.action(descriptor);
                return action == ConstructorPlan.Action.NONE
                        ? visitor
                        : new CountingConstructorVisitor(visitor, action, owner, writeFrames);
            }
        };
    }

    private static boolean isAnnotated(MethodList<?> methods, String descriptor) {
        for (MethodDescription method : methods) {
            if (method.isConstructor() && method.getDescriptor().equals(descriptor)) {
                return ClassSelection.isAnnotated(method);
            }
        }
        return false;
    }
}
