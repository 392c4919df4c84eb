package io.jslab.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * A first pass over a class file that records, for each constructor, which constructor it hands
 * {@code this} to: another of its own class ({@code this(...)}) or the superclass's.
 *
 * <p>The rewrite needs this before it visits any constructor, since whether a constructor counts
 * depends on the constructors below it in its delegation chain (see {@link ConstructorPlan}).
 */
final class ConstructorScan {

    /**
     * @param delegate     descriptor of the own-class constructor called by {@code this(...)}, or
     *                     {@code null} when the constructor calls {@code super(...)}
     * @param initCalls    this/super calls in the code (javac: exactly one)
     * @param storesToThis whether local 0 is ever overwritten, so {@code aload_0} may not be {@code this}
     */
    record Constructor(String delegate, int initCalls, boolean storesToThis) {}

    private ConstructorScan() {}

    /** Class file version (major) and constructors by descriptor. */
    record Result(int majorVersion, Map<String, Constructor> constructors) {}

    static Result scan(byte[] classFile) {
        ClassReader reader = OpenedClassReader.of(classFile);
        Map<String, Constructor> constructors = new LinkedHashMap<>();
        int[] version = new int[1];
        reader.accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            private String owner;

            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                version[0] = v & 0xFFFF;
                owner = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!"<init>".equals(name)) {
                    return null;
                }
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    private final InitCallTracker tracker = new InitCallTracker();
                    private String delegate;
                    private boolean storesToThis;

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        tracker.typeInsn(opcode);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String callOwner, String callName, String callDescriptor,
                                                boolean isInterface) {
                        if (tracker.methodInsn(opcode, callName) && tracker.initCalls() == 1
                                && callOwner.equals(owner)) {
                            delegate = callDescriptor;
                        }
                    }

                    @Override
                    public void visitVarInsn(int opcode, int varIndex) {
                        if (varIndex == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                            storesToThis = true;
                        }
                    }

                    @Override
                    public void visitIincInsn(int varIndex, int increment) {
                        storesToThis |= varIndex == 0;
                    }

                    @Override
                    public void visitEnd() {
                        constructors.put(descriptor, new Constructor(delegate, tracker.initCalls(), storesToThis));
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Result(version[0], constructors);
    }
}
