package io.jslab.agent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the rewrite does to each constructor of one class, so that every object is counted exactly
 * once (SPEC section 2).
 *
 * <p>Each constructor hands {@code this} down a chain: {@code this(...)} calls to constructors of
 * the same class, ending in one that calls {@code super(...)}. Call a chain <em>tracked</em> when
 * any constructor on it is selected, and let the <em>deepest</em> selected constructor on the
 * chain do the counting:
 * <pre>
 *   C(String)  -- this(..) -->  C(int)  -- this(..) -->  C()  -- super(..) -->  Object()
 *   selected                    selected                 not selected
 *                               ^ counts at its return   ^ does nothing
 *   ^ undoes the count if it throws after this(..) returned
 * </pre>
 * So a constructor <b>counts</b> at each {@code return} when it is selected and nothing selected
 * lies below it on its chain, and it <b>undoes</b> (a catch-all handler after its
 * {@code this(...)} call that reports the failure and rethrows) when something selected lies below
 * it. Both are static facts of the class, the same for every chain through a constructor, which is
 * why a constructor-level annotation on one constructor of a chain tracks the objects of the whole
 * chain: a selected constructor that delegates to an unselected one counts itself, and an
 * unselected one that delegates to a selected one undoes. When the whole class is selected this is
 * the plain rule: constructors calling {@code super(...)} count, those calling {@code this(...)} undo.
 *
 * <p>Constructors whose code a rewrite could break are left alone and reported: local 0
 * overwritten (then {@code aload_0} is not {@code this}), or more than one this/super call.
 */
final class ConstructorPlan {

    enum Action { NONE, COUNT, UNDO }

    private final Map<String, Action> actions = new HashMap<>();
    private final Map<String, String> skipped = new TreeMap<>();

    ConstructorPlan(ConstructorScan.Result scan, Predicate<String> selected) {
        Map<String, Boolean> trackedBelow = new HashMap<>();
        for (Map.Entry<String, ConstructorScan.Constructor> entry : scan.constructors().entrySet()) {
            String descriptor = entry.getKey();
            ConstructorScan.Constructor constructor = entry.getValue();
            String delegate = constructor.delegate();
            boolean below = delegate != null && tracked(delegate, scan, selected, trackedBelow, new HashSet<>());
            Action action = below ? Action.UNDO : selected.test(descriptor) ? Action.COUNT : Action.NONE;
            if (action != Action.NONE && (constructor.storesToThis() || constructor.initCalls() != 1)) {
                skipped.put(descriptor, constructor.storesToThis()
                        ? "it overwrites local 0 (this)"
                        : "it has " + constructor.initCalls() + " this/super calls");
                action = Action.NONE;
            }
            actions.put(descriptor, action);
        }
    }

    /** Whether {@code descriptor} or any constructor below it on its chain is selected. */
    private static boolean tracked(String descriptor, ConstructorScan.Result scan, Predicate<String> selected,
                                   Map<String, Boolean> memo, Set<String> visiting) {
        Boolean known = memo.get(descriptor);
        if (known != null) {
            return known;
        }
        ConstructorScan.Constructor constructor = scan.constructors().get(descriptor);
        boolean result = selected.test(descriptor);
        // A cycle or a missing target is not valid code; the verifier rejects it, we just stop.
        if (!result && constructor != null && constructor.delegate() != null && visiting.add(descriptor)) {
            result = tracked(constructor.delegate(), scan, selected, memo, visiting);
        }
        memo.put(descriptor, result);
        return result;
    }

    Action action(String descriptor) {
        return actions.getOrDefault(descriptor, Action.NONE);
    }

    /** Selected constructors left unchanged: the reason by descriptor. */
    Map<String, String> skipped() {
        return skipped;
    }
}
