package io.jslab.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gives classes jslab rewrote their original bytes back, by retransforming them once jslab's
 * transformer is gone: the JVM starts a retransformation from the class file as it was defined and
 * runs only the transformers still registered. Used at detach (every rewritten class) and when a
 * new selection leaves classes out.
 *
 * <p>Classes are found by name among the loaded ones, since Byte Buddy reports a rewrite before
 * the class exists; a class of the same name in another loader that was never rewritten is
 * retransformed to the same bytes it has, which is harmless.
 */
final class ClassRestore {

    private ClassRestore() {}

    /**
     * Retransforms every loaded, modifiable class named in {@code names}; returns how many the JVM
     * took. A batch the JVM refuses is retried class by class, and each refusal is an error of
     * {@code status}: that class keeps its rewritten code, whose hook does nothing after detach.
     */
    static int restore(Instrumentation instrumentation, Set<String> names, AgentStatus status) {
        if (names.isEmpty()) {
            return 0;
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (names.contains(type.getName()) && type.getClassLoader() != null
                    && instrumentation.isModifiableClass(type)) {
                classes.add(type);
            }
        }
        try {
            instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
            return classes.size();
        } catch (Exception | LinkageError batch) {
            int restored = 0;
            for (Class<?> type : classes) {
                try {
                    instrumentation.retransformClasses(type);
                    restored++;
                } catch (Exception | LinkageError refused) {
                    status.error("cannot restore the original bytes of " + type.getName(), refused);
                }
            }
            return restored;
        }
    }
}
