package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.exec.UnionOperator;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code union}. Outer (default): columns in order of first appearance; a name seen with two types
 * becomes one column per type, {@code Name_string}, {@code Name_long}. Inner: the columns every leg has.
 * {@code withsource=Col} adds Col first: a leg that is a plain name gives that name, others {@code union_argN}.
 */
final class UnionBinder {
    private final Binder binder;

    UnionBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode bind(TabularOperator.Union u, PlanNode piped, Expr pipedSource, Env env) {
        List<PlanNode> legs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (piped != null) {
            legs.add(piped);
            names.add(pipedSource instanceof Expr.NameRef n ? n.name().text() : "union_arg0");
        }
        for (Expr leg : u.legs()) {
            Expr e = leg;
            if (e instanceof Expr.NameRef n && n.name().text().contains("*")) {
                List<String> matched = new ArrayList<>();
                for (String t : binder.catalog().tableNames()) {
                    if (Names.matches(n.name().text(), t)) {
                        matched.add(t);
                    }
                }
                for (String t : env.tabularNames()) {
                    if (Names.matches(n.name().text(), t) && !matched.contains(t)) {
                        matched.add(t);
                    }
                }
                if (matched.isEmpty()) {
                    binder.report(BindDiagnostics.unknownTable(n.span(), n.name().text(), binder.catalog().tableNames()));
                }
                for (String t : matched) {
                    legs.add(binder.bindTabular(new Expr.NameRef(new io.egress.kql.syntax.tree.Name(t, n.span()),
                            n.span()), env));
                    names.add(t);
                }
                continue;
            }
            legs.add(binder.bindTabular(e, env));
            names.add(e instanceof Expr.NameRef n ? n.name().text() : "union_arg" + (legs.size() - 1));
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isEmpty()) {
                names.set(i, "union_arg" + i);
            }
        }
        String kind = "outer";
        String withSource = null;
        for (Option o : u.options()) {
            String key = o.key().toLowerCase(java.util.Locale.ROOT);
            String value = o.value() instanceof Expr.NameRef n ? n.name().text()
                    : o.value() instanceof Expr.Literal l ? String.valueOf(l.value()) : null;
            if (key.equals("kind") && value != null) {
                kind = value.toLowerCase(java.util.Locale.ROOT);
            } else if (key.equals("withsource") && value != null) {
                withSource = value;
            }
        }
        return build(legs, names, kind.equals("inner"), withSource);
    }

    /** A union of already bound legs (search uses it for its {@code $table} column). */
    UnionOperator union(List<PlanNode> legs, List<String> names, boolean inner, String withSource) {
        return build(legs, names, inner, withSource);
    }

    private UnionOperator build(List<PlanNode> legs, List<String> names, boolean inner, String withSource) {
        // (name, type) pairs in order of first appearance, and the types seen per name
        Map<String, List<ScalarType>> typesByName = new LinkedHashMap<>();
        List<Column> pairs = new ArrayList<>();
        for (PlanNode leg : legs) {
            for (Column c : leg.schema().columns()) {
                List<ScalarType> types = typesByName.computeIfAbsent(c.name(), k -> new ArrayList<>());
                if (!types.contains(c.type())) {
                    types.add(c.type());
                    pairs.add(c);
                }
            }
        }
        List<Column> out = new ArrayList<>();
        List<Column> sources = new ArrayList<>();
        if (withSource != null) {
            out.add(new Column(withSource, ScalarType.STRING));
            sources.add(null);
        }
        for (Column pair : pairs) {
            if (inner && !legs.stream().allMatch(l -> l.schema().find(pair.name()).map(c -> c.type() == pair.type())
                    .orElse(false))) {
                continue;
            }
            boolean split = typesByName.get(pair.name()).size() > 1;
            String name = split ? pair.name() + "_" + pair.type().kqlName() : pair.name();
            List<String> taken = out.stream().map(Column::name).toList();
            out.add(new Column(Names.unique(name, taken), pair.type()));
            sources.add(pair);
        }
        int[][] mapping = new int[legs.size()][out.size()];
        for (int l = 0; l < legs.size(); l++) {
            Schema s = legs.get(l).schema();
            for (int c = 0; c < out.size(); c++) {
                Column src = sources.get(c);
                int i = src == null ? -1 : s.indexOf(src.name());
                mapping[l][c] = i >= 0 && s.column(i).type() == src.type() ? i : -1;
            }
        }
        return new UnionOperator(legs, new Schema(out), mapping, names, withSource != null ? 0 : -1);
    }
}
