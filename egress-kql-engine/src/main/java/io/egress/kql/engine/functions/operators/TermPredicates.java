package io.egress.kql.engine.functions.operators;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.support.Values;
import io.egress.kql.engine.plan.BoundExpr;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the bound term predicates a term index can answer: {@code Column has "x"}, {@code has_cs},
 * {@code has_any (...)} and {@code has_all (...)} over one string column with constant needles. An
 * index uses them to rule rows out; the predicate itself still decides the rows it leaves in.
 */
public final class TermPredicates {
    private TermPredicates() {
    }

    /**
     * A term predicate: {@code has_any} of {@code needles} over a column ({@code has_all} when {@code
     * all}); a row can only be true when its value contains, as whole terms, the alphanumeric runs of at
     * least one of them (see {@code TermMatcher}).
     */
    public record TermPredicate(int column, List<String> needles, boolean caseSensitive, boolean all) {
    }

    public static Optional<TermPredicate> of(BoundExpr expr) {
        if (expr instanceof BoundExpr.SetTest set && (set.op().equals("has_any") || set.op().equals("has_all"))
                && set.left() instanceof BoundExpr.Column c && c.type() == ScalarType.STRING) {
            List<String> needles = SetOperators.flatten(set.values()).stream().map(Values::str).toList();
            // has_all of nothing is true for every row: nothing to rule out
            return set.op().equals("has_all") && needles.isEmpty() ? Optional.empty()
                    : Optional.of(new TermPredicate(c.index(), needles, false, set.op().equals("has_all")));
        }
        if (expr instanceof BoundExpr.Call call && (call.name().equals("has") || call.name().equals("has_cs"))
                && call.args().size() == 2 && call.args().get(0) instanceof BoundExpr.Column c
                && c.type() == ScalarType.STRING && call.args().get(1) instanceof BoundExpr.Const k
                && k.value() instanceof String needle) {
            return Optional.of(new TermPredicate(c.index(), List.of(needle), call.name().equals("has_cs"), false));
        }
        return Optional.empty();
    }
}
