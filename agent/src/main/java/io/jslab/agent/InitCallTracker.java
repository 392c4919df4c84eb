package io.jslab.agent;

import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds, in the instructions of a constructor, the call that initializes {@code this}: the
 * {@code this(...)} or {@code super(...)} call.
 *
 * <p>Every {@code invokespecial <init>} in a constructor either initializes an object made by an
 * earlier {@code new} (an argument, {@code super(new Foo())}, or any {@code new} in the body) or
 * is the this/super call. Objects made by {@code new} are initialized in the reverse order of
 * their {@code new}s (javac nests them), so a stack of pending {@code new}s tells them apart; all
 * its entries are alike, so a count is that stack. An {@code invokespecial <init>} with no pending
 * {@code new} is the this/super call.
 */
final class InitCallTracker {

    private int pendingNews;
    private int initCalls;

    void typeInsn(int opcode) {
        if (opcode == Opcodes.NEW) {
            pendingNews++;
        }
    }

    /** Returns whether this instruction is a this/super call (the first one when there are several). */
    boolean methodInsn(int opcode, String name) {
        if (opcode != Opcodes.INVOKESPECIAL || !"<init>".equals(name)) {
            return false;
        }
        if (pendingNews > 0) {
            pendingNews--;
            return false;
        }
        initCalls++;
        return true;
    }

    /** How many this/super calls the instructions seen so far hold; javac emits exactly one. */
    int initCalls() {
        return initCalls;
    }
}
