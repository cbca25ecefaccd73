package io.egress.kql.engine.plan;

import io.egress.data.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a bound expression reads: the input columns it references and the plans it evaluates
 * ({@code toscalar(...)}, {@code in (query)}). Used by the column-usage analysis behind
 * {@link PlanNode#inputColumns}.
 */
public final class ExprRefs {
    private ExprRefs() {
    }

    /** Adds the names (in {@code input}) of the columns {@code expr} reads. */
    public static void addColumns(BoundExpr expr, Schema input, Set<String> out) {
        for (BoundExpr child : children(expr)) {
            addColumns(child, input, out);
        }
        if (expr instanceof BoundExpr.Column c) {
            if (c.index() >= 0 && c.index() < input.size()) {
                out.add(input.column(c.index()).name());
            } else {
                out.addAll(input.names()); // not in a bound plan; stay conservative
            }
        }
    }

    /** The names of the columns the expressions read. */
    public static Set<String> columns(Collection<? extends BoundExpr> exprs, Schema input) {
        Set<String> out = new LinkedHashSet<>();
        exprs.forEach(e -> addColumns(e, input, out));
        return out;
    }

    /** Adds the plans {@code expr} evaluates: {@code toscalar} and {@code in (query)} arguments. */
    public static void addSubplans(BoundExpr expr, List<PlanNode> out) {
        if (expr instanceof BoundExpr.ScalarQuery q) {
            out.add(q.query());
        } else if (expr instanceof BoundExpr.InQuery q) {
            out.add(q.query());
        }
        for (BoundExpr child : children(expr)) {
            addSubplans(child, out);
        }
    }

    /** The plans the expressions evaluate. */
    public static List<PlanNode> subplans(Collection<? extends BoundExpr> exprs) {
        List<PlanNode> out = new ArrayList<>();
        exprs.forEach(e -> addSubplans(e, out));
        return out;
    }

    /**
     * Whether {@code expr} depends only on the current row and {@code now}: no sub-query, no row window,
     * nothing unbound. Such an expression can be evaluated anywhere, e.g. by a reader.
     */
    public static boolean rowLocal(BoundExpr expr) {
        if (expr instanceof BoundExpr.ScalarQuery || expr instanceof BoundExpr.InQuery
                || expr instanceof BoundExpr.RowWindow || expr instanceof BoundExpr.Invalid) {
            return false;
        }
        for (BoundExpr child : children(expr)) {
            if (!rowLocal(child)) {
                return false;
            }
        }
        return true;
    }

    /** The scalar sub-expressions evaluated over the same row. */
    private static List<BoundExpr> children(BoundExpr expr) {
        if (expr instanceof BoundExpr.Call c) {
            return c.args();
        }
        if (expr instanceof BoundExpr.SetTest s) {
            return List.of(s.left());
        }
        if (expr instanceof BoundExpr.Logic l) {
            return List.of(l.left(), l.right());
        }
        if (expr instanceof BoundExpr.Member m) {
            return List.of(m.target());
        }
        if (expr instanceof BoundExpr.Index i) {
            return List.of(i.target(), i.index());
        }
        if (expr instanceof BoundExpr.InQuery q) {
            return List.of(q.left());
        }
        if (expr instanceof BoundExpr.RowWindow w) {
            List<BoundExpr> out = new ArrayList<>(2);
            if (w.arg() != null) {
                out.add(w.arg());
            }
            if (w.defaultValue() != null) {
                out.add(w.defaultValue());
            }
            return out;
        }
        return List.of(); // Const, Column, ScalarQuery, Invalid
    }
}
