package io.egress.kql.engine.binder;

import io.egress.kql.engine.exec.FilterOperator;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.BinaryOp;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.LiteralKind;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code search}: a bare string term means "any string column has the term" ({@code has_cs} with
 * kind=case_sensitive), {@code Col:"x"} means {@code Col has "x"}. Piped, it filters its input; as a
 * source it searches the named tables (all catalog tables by default) with a {@code $table} column.
 */
final class SearchBinder {
    private final Binder binder;

    SearchBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode bind(TabularOperator.Search s, PlanNode input, Env env) {
        boolean caseSensitive = false;
        for (Option o : s.options()) {
            if (o.key().equalsIgnoreCase("kind") && o.value() instanceof Expr.NameRef n) {
                caseSensitive = n.name().text().equalsIgnoreCase("case_sensitive");
            }
        }
        Expr predicate = terms(s.predicate(), caseSensitive);
        if (input != null) {
            return filter(input, predicate, env);
        }
        List<Expr> legs = new ArrayList<>(s.tables());
        if (legs.isEmpty()) {
            for (String t : binder.catalog().tableNames()) {
                legs.add(new Expr.NameRef(new Name(t, s.span()), s.span()));
            }
        }
        List<PlanNode> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Expr leg : legs) {
            tables.add(binder.bindTabular(leg, env));
            names.add(leg instanceof Expr.NameRef n ? n.name().text() : "union_arg" + names.size());
        }
        // as in Kusto, the predicate sees the union's columns: a column one table lacks is null there
        PlanNode union = new UnionBinder(binder).union(tables, names, false, "$table");
        if (predicate instanceof Expr.Star) {
            return union;
        }
        BoundExpr p = binder.scalars().bind(predicate, RowScope.of(union.schema()).without("$table"), env);
        return new FilterOperator(union, p);
    }

    private PlanNode filter(PlanNode input, Expr predicate, Env env) {
        if (predicate instanceof Expr.Star) {
            return input; // search * matches every row
        }
        BoundExpr p = binder.scalars().bind(predicate, RowScope.of(input.schema()), env);
        return new FilterOperator(input, p);
    }

    /** Rewrites bare string terms into {@code * has "term"}. */
    private static Expr terms(Expr e, boolean caseSensitive) {
        if (e instanceof Expr.Literal lit && lit.kind() == LiteralKind.STRING) {
            return new Expr.Binary(caseSensitive ? BinaryOp.HAS_CS : BinaryOp.HAS, new Expr.Star(lit.span()), lit,
                    lit.span());
        }
        if (e instanceof Expr.Parenthesized p) {
            return new Expr.Parenthesized(terms(p.inner(), caseSensitive), p.span());
        }
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            return new Expr.Binary(b.op(), terms(b.left(), caseSensitive), terms(b.right(), caseSensitive), b.span());
        }
        if (e instanceof Expr.Call c && c.is("not") && c.args().size() == 1) {
            return new Expr.Call(c.function(), List.of(terms(c.args().get(0), caseSensitive)), c.span());
        }
        return e;
    }
}
