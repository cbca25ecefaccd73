package io.egress.sigma.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean KQL predicate under construction: constants fold away as it is built, so a selection that can
 * never match (or always matches) on a log source is visible before any KQL is printed.
 */
public sealed interface Pred {
    Pred TRUE = new Const(true);
    Pred FALSE = new Const(false);

    record Const(boolean value) implements Pred {
    }

    /** A complete KQL comparison or function call, which binds tighter than {@code and}/{@code or}. */
    record Atom(String kql) implements Pred {
    }

    record And(List<Pred> operands) implements Pred {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Pred> operands) implements Pred {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Pred operand) implements Pred {
    }

    static Pred atom(String kql) {
        return new Atom(kql);
    }

    static Pred and(List<Pred> operands) {
        List<Pred> kept = new ArrayList<>();
        for (Pred operand : operands) {
            if (operand instanceof Const c) {
                if (!c.value()) {
                    return FALSE;
                }
            } else if (operand instanceof And and) {
                kept.addAll(and.operands());
            } else {
                kept.add(operand);
            }
        }
        return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.get(0) : new And(kept);
    }

    static Pred or(List<Pred> operands) {
        List<Pred> kept = new ArrayList<>();
        for (Pred operand : operands) {
            if (operand instanceof Const c) {
                if (c.value()) {
                    return TRUE;
                }
            } else if (operand instanceof Or or) {
                kept.addAll(or.operands());
            } else {
                kept.add(operand);
            }
        }
        return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.get(0) : new Or(kept);
    }

    static Pred not(Pred operand) {
        if (operand instanceof Const c) {
            return new Const(!c.value());
        }
        if (operand instanceof Not not) {
            return not.operand();
        }
        return new Not(operand);
    }
}
