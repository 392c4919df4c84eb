package io.jslab.agent;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one constructor as its {@link ConstructorPlan.Action} says.
 *
 * <p>COUNT, before every {@code return}:
 * <pre>
 *   aload_0; ldc C; invokestatic io/jslab/runtime/SlabHook.constructed(Object, Class)
 * </pre>
 * Only a normal return counts: a constructor that throws never reaches these instructions.
 *
 * <p>UNDO, a catch-all handler over all the code after the {@code this(...)} call, appended at
 * the end of the method:
 * <pre>
 *   handler: [frame: locals {C}, stack {Throwable}]
 *   aload_0; ldc C; invokestatic SlabHook.constructionFailed(Object, Class); athrow
 * </pre>
 * Its entry goes after the method's own ones in the exception table, so the constructor's own
 * try/catch blocks still see their exceptions first. The frame is written as {@code F_NEW}, which
 * requires the reader to expand all frames ({@code ClassReader.EXPAND_FRAMES}); class files before
 * version 50 have no frames, so none is written there. Local 0 holds {@code this} in the whole
 * range, since the plan never picks a constructor that overwrites it.
 *
 * <p>Both add at most three stack slots (throwable, this, class), so max stack grows by three.
 */
final class CountingConstructorVisitor extends MethodVisitor {

    static final String HOOK = "io/jslab/runtime/SlabHook";
    private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Class;)V";

    private final ConstructorPlan.Action action;
    private final String owner;
    private final boolean writeFrames;
    private final InitCallTracker tracker = new InitCallTracker();
    private final Label covered = new Label();
    private final Label coveredEnd = new Label();
    private final Label handler = new Label();
    private boolean delegated;

    CountingConstructorVisitor(MethodVisitor target, ConstructorPlan.Action action, String owner, boolean writeFrames) {
        super(OpenedClassReader.ASM_API, target);
        this.action = action;
        this.owner = owner;
        this.writeFrames = writeFrames;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        tracker.typeInsn(opcode);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
        super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
        if (tracker.methodInsn(opcode, name) && action == ConstructorPlan.Action.UNDO && !delegated) {
            delegated = true;
            // ASM wants a try/catch block visited before its labels.
            super.visitTryCatchBlock(covered, coveredEnd, handler, null);
            super.visitLabel(covered);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN && action == ConstructorPlan.Action.COUNT) {
            callHook("constructed");
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (delegated) {
            super.visitLabel(coveredEnd);
            super.visitLabel(handler);
            if (writeFrames) {
                super.visitFrame(Opcodes.F_NEW, 1, new Object[] {owner}, 1, new Object[] {"java/lang/Throwable"});
            }
            callHook("constructionFailed");
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack + 3, maxLocals);
    }

    private void callHook(String method) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitLdcInsn(Type.getObjectType(owner));
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, method, HOOK_DESCRIPTOR, false);
    }
}
