package io.jslab.agent;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Counts the copies a tracked class makes of itself (SPEC 2: objects made by {@code clone()} are
 * tracked). {@code Object.clone()} is native and builds the copy without a constructor, so the
 * rewrite follows every {@code super.clone()} that reaches it, {@code invokespecial
 * java/lang/Object.clone()}, in the class's own methods:
 * <pre>
 *   invokespecial java/lang/Object.clone()Ljava/lang/Object;
 *   dup; ldc C; invokestatic io/jslab/runtime/SlabHook.cloned(Object, Class)
 * </pre>
 * The copy stays on the stack as the method left it, so the method computes what it did. Only a
 * normal return of {@code Object.clone()} reaches the hook. A class whose copies come from a
 * superclass's {@code super.clone()} has them counted there, when that superclass is tracked too.
 * Two stack slots more.
 */
final class CloneCountingVisitor extends MethodVisitor {

    private static final String CLONE_DESCRIPTOR = "()Ljava/lang/Object;";
    private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Class;)V";

    private final String owner;
    private boolean rewritten;

    CloneCountingVisitor(MethodVisitor target, String owner) {
        super(OpenedClassReader.ASM_API, target);
        this.owner = owner;
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
        super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
        if (opcode == Opcodes.INVOKESPECIAL && "java/lang/Object".equals(callOwner)
                && "clone".equals(name) && CLONE_DESCRIPTOR.equals(descriptor)) {
            rewritten = true;
            super.visitInsn(Opcodes.DUP);
            super.visitLdcInsn(Type.getObjectType(owner));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CountingConstructorVisitor.HOOK, "cloned",
                    HOOK_DESCRIPTOR, false);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(rewritten ? maxStack + 2 : maxStack, maxLocals);
    }
}
