package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plans over hand-made class files: shapes javac never emits, which the rewrite must leave alone. */
class ConstructorPlanTest {

    private static final String NAME = "gen/Odd";
    private final CountingSinks sinks = new CountingSinks();

    @AfterEach
    void uninstall() {
        sinks.close();
    }

    /**
     * {@code ()V} calls super() then overwrites local 0; {@code (I)V} delegates to {@code ()V};
     * {@code (J)V} calls super() on one branch and this() on the other (two init calls).
     */
    private static byte[] oddClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, NAME, null, "java/lang/Object", null);
        MethodVisitor overwrites = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        overwrites.visitCode();
        overwrites.visitVarInsn(Opcodes.ALOAD, 0);
        overwrites.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        overwrites.visitInsn(Opcodes.ACONST_NULL);
        overwrites.visitVarInsn(Opcodes.ASTORE, 0);
        overwrites.visitInsn(Opcodes.RETURN);
        overwrites.visitMaxs(0, 0);
        overwrites.visitEnd();
        MethodVisitor delegates = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(I)V", null, null);
        delegates.visitCode();
        delegates.visitVarInsn(Opcodes.ALOAD, 0);
        delegates.visitMethodInsn(Opcodes.INVOKESPECIAL, NAME, "<init>", "()V", false);
        delegates.visitInsn(Opcodes.RETURN);
        delegates.visitMaxs(0, 0);
        delegates.visitEnd();
        MethodVisitor branches = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(J)V", null, null);
        branches.visitCode();
        net.bytebuddy.jar.asm.Label other = new net.bytebuddy.jar.asm.Label();
        branches.visitVarInsn(Opcodes.LLOAD, 1);
        branches.visitInsn(Opcodes.LCONST_0);
        branches.visitInsn(Opcodes.LCMP);
        branches.visitJumpInsn(Opcodes.IFEQ, other);
        branches.visitVarInsn(Opcodes.ALOAD, 0);
        branches.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        branches.visitInsn(Opcodes.RETURN);
        branches.visitLabel(other);
        branches.visitVarInsn(Opcodes.ALOAD, 0);
        branches.visitInsn(Opcodes.ICONST_1);
        branches.visitMethodInsn(Opcodes.INVOKESPECIAL, NAME, "<init>", "(I)V", false);
        branches.visitInsn(Opcodes.RETURN);
        branches.visitMaxs(0, 0);
        branches.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void scanFindsEachConstructorsDelegate() {
        ConstructorScan.Result scan = ConstructorScan.scan(oddClass());
        assertEquals(Opcodes.V17, scan.majorVersion());
        assertEquals(Map.of(
                "()V", new ConstructorScan.Constructor(null, 1, true),
                "(I)V", new ConstructorScan.Constructor("()V", 1, false),
                "(J)V", new ConstructorScan.Constructor(null, 2, false)), scan.constructors());
    }

    @Test
    void constructorsARewriteCouldBreakAreLeftAloneAndReported() {
        ConstructorPlan plan = new ConstructorPlan(ConstructorScan.scan(oddClass()), descriptor -> true);
        assertEquals(ConstructorPlan.Action.NONE, plan.action("()V"));
        assertEquals(ConstructorPlan.Action.UNDO, plan.action("(I)V"));
        assertEquals(ConstructorPlan.Action.NONE, plan.action("(J)V"));
        assertEquals(Map.of("()V", "it overwrites local 0 (this)", "(J)V", "it has 2 this/super calls"), plan.skipped());
    }

    @Test
    void onlyTheDeepestSelectedConstructorOfAChainCounts() {
        ConstructorScan.Result scan = ConstructorScan.scan(oddClass());
        ConstructorPlan onlyDelegating = new ConstructorPlan(scan, Set.of("(I)V")::contains);
        assertEquals(ConstructorPlan.Action.COUNT, onlyDelegating.action("(I)V"), "nothing selected below it");
        assertEquals(ConstructorPlan.Action.NONE, onlyDelegating.action("()V"));
        ConstructorPlan nothingSelected = new ConstructorPlan(scan, descriptor -> false);
        for (String descriptor : scan.constructors().keySet()) {
            assertEquals(ConstructorPlan.Action.NONE, nothingSelected.action(descriptor), descriptor);
        }
    }

    @Test
    void rewrittenOddClassStillLoadsAndRuns() throws Exception {
        byte[] bytes = oddClass();
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of("gen.Odd", bytes),
                ClassFileLocator.ForClassLoader.ofSystemLoader());
        List<String> problems = new ArrayList<>();
        Class<?> odd = new ByteBuddy()
                .decorate(TypePool.Default.of(locator).describe("gen.Odd").resolve(), locator)
                .visit(new ConstructorRewrite(true, locator, problems::add))
                .make()
                .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        odd.getConstructor().newInstance();
        odd.getConstructor(int.class).newInstance(1);
        odd.getConstructor(long.class).newInstance(5L);
        assertEquals(0, sinks.constructed("gen.Odd"), "the only constructor that could count was left alone");
        assertEquals(List.of(
                "cannot instrument constructor gen.Odd.<init>()V, it stays unchanged: it overwrites local 0 (this)",
                "cannot instrument constructor gen.Odd.<init>(J)V, it stays unchanged: it has 2 this/super calls"),
                problems);
    }
}
