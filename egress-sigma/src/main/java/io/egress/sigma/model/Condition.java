package io.egress.sigma.model;

import java.util.List;

/** A parsed {@code condition:} expression. */
public sealed interface Condition {
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    /** A reference to one search identifier by name. */
    record Ref(String name) implements Condition {
    }

    /**
     * {@code 1 of pattern} / {@code all of pattern}; pattern {@code them} means every identifier not
     * starting with {@code _}; {@code *} in the pattern matches any run of characters.
     */
    record Quantified(boolean all, String pattern) implements Condition {
    }
}
