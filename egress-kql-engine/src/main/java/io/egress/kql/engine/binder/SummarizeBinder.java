package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.exec.AggSlot;
import io.egress.kql.engine.exec.ProjectOperator;
import io.egress.kql.engine.exec.SummarizeOperator;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code summarize}: by-keys first, then aggregates in order. Each aggregate call becomes a slot of
 * the {@link SummarizeOperator}; an assignment that is more than one aggregate call
 * ({@code 100 * countif(x) / count()}) is computed by a projection over the slots afterwards.
 */
final class SummarizeBinder {
    private final Binder binder;

    SummarizeBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode bind(TabularOperator.Summarize s, PlanNode input, Env env) {
        RowScope in = RowScope.of(input.schema());
        ScalarBinder scalars = binder.scalars();
        List<String> keyNames = new ArrayList<>();
        List<BoundExpr> keyExprs = new ArrayList<>();
        for (Assignment a : s.by()) {
            BoundExpr e = scalars.bind(a.value(), in, env);
            String name = a.isNamed() ? a.names().get(0).text() : Names.infer(a.value());
            if (name == null) {
                name = Names.column(keyNames);
            }
            if (keyNames.contains(name)) {
                binder.report(BindDiagnostics.duplicateColumn(a.span(), name));
                name = Names.unique(name, keyNames);
            }
            keyNames.add(name);
            keyExprs.add(e);
        }
        List<AggSlot> slots = new ArrayList<>();
        List<Column> internal = new ArrayList<>();
        for (int i = 0; i < keyNames.size(); i++) {
            internal.add(new Column(keyNames.get(i), keyExprs.get(i).type()));
        }
        List<String> finalNames = new ArrayList<>(keyNames);
        List<BoundExpr> finalExprs = new ArrayList<>();
        for (int i = 0; i < keyNames.size(); i++) {
            finalExprs.add(new BoundExpr.Column(i, keyNames.get(i), keyExprs.get(i).type()));
        }
        boolean needsProjection = false;
        java.util.Set<String> starNames = new java.util.HashSet<>();
        for (Assignment a : s.aggregates()) {
            Expr value = a.value();
            while (value instanceof Expr.Parenthesized p) {
                value = p.inner();
            }
            if (value instanceof Expr.Call c && isSpread(c)) {
                int before = finalNames.size();
                spread(c, a, in, env, slots, internal, finalNames, finalExprs, keyNames);
                starNames.addAll(finalNames.subList(before, finalNames.size()));
                continue;
            }
            if (value instanceof Expr.Call c && isArgExtreme(c.function().text())) {
                int before = finalNames.size();
                argExtreme(c, a, in, env, keyNames, slots, internal, finalNames, finalExprs);
                starNames.addAll(finalNames.subList(before, finalNames.size()));
                continue;
            }
            RowScope post = RowScope.empty();
            for (int i = 0; i < keyNames.size(); i++) {
                post.put(keyNames.get(i), finalExprs.get(i));
            }
            int slotsBefore = slots.size();
            Expr.Call[] lastCall = new Expr.Call[1];
            scalars.aggregateHook(call -> {
                lastCall[0] = call;
                return slot(call, in, env, slots, internal);
            });
            BoundExpr e;
            try {
                e = scalars.bind(value, post, env);
            } finally {
                scalars.aggregateHook(null);
            }
            boolean direct = slots.size() == slotsBefore + 1 && e instanceof BoundExpr.Column col
                    && col.index() == internal.size() - 1 && value instanceof Expr.Call;
            String name;
            if (a.isNamed()) {
                name = a.names().get(0).text();
            } else if (direct) {
                name = Names.aggregate(lastCall[0]);
            } else if (slots.size() == slotsBefore + 1 && Names.wrapsAggregate(value)) {
                name = Names.aggregate(lastCall[0]);
            } else {
                name = Names.column(finalNames);
            }
            if (finalNames.contains(name)) {
                if (a.isNamed() && !starNames.contains(name)) {
                    binder.report(BindDiagnostics.duplicateColumn(a.span(), name));
                }
                name = Names.unique(name, finalNames);
            }
            if (slots.size() == slotsBefore && !(e instanceof BoundExpr.Invalid)) {
                binder.report(BindDiagnostics.wrongKind(a.value().span(), "summarize needs an aggregation here"
                        + " (count(), dcount(x), make_set(x), ...)"));
            }
            if (direct) {
                internal.set(internal.size() - 1, new Column(name, e.type()));
                e = new BoundExpr.Column(internal.size() - 1, name, e.type());
            } else {
                needsProjection = true;
            }
            finalNames.add(name);
            finalExprs.add(e);
        }
        Schema internalSchema = new Schema(uniqueColumns(internal));
        PlanNode summarize = new SummarizeOperator(input, internalSchema, keyExprs, slots);
        if (!needsProjection) {
            return summarize;
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < finalNames.size(); i++) {
            cols.add(new Column(finalNames.get(i), finalExprs.get(i).type()));
        }
        return new ProjectOperator("summarize", summarize, new Schema(cols), finalExprs, false);
    }

    /** arg_max / arg_min and their legacy spellings argmax / argmin. */
    static boolean isArgExtreme(String name) {
        return name.equals("arg_max") || name.equals("arg_min") || name.equals("argmax") || name.equals("argmin");
    }

    private static List<Column> uniqueColumns(List<Column> cols) {
        List<String> taken = new ArrayList<>();
        List<Column> out = new ArrayList<>();
        for (Column c : cols) {
            String n = Names.unique(c.name(), taken);
            taken.add(n);
            out.add(new Column(n, c.type()));
        }
        return out;
    }

    private BoundExpr slot(Expr.Call call, RowScope in, Env env, List<AggSlot> slots, List<Column> internal) {
        String fn = call.function().text();
        if (isArgExtreme(fn)) {
            binder.report(BindDiagnostics.unsupported(call.span(), fn + "() inside an expression"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        if (isSpread(call)) {
            binder.report(BindDiagnostics.unsupported(call.span(), fn + "() with several results inside an expression"
                    + " (use it directly: summarize " + fn + "(...))"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        AggregateFunction agg = binder.registry().aggregate(fn).orElseThrow();
        List<BoundExpr> args = new ArrayList<>();
        for (Expr a : call.args()) {
            if (a instanceof Expr.Star) {
                continue; // count(*) counts rows
            }
            args.add(binder.scalars().bind(ScalarBinder.unwrapNamed(a), in, env));
        }
        if (args.stream().anyMatch(x -> x instanceof BoundExpr.Invalid)) {
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        List<Object> constants = new ArrayList<>();
        args.forEach(x -> constants.add(x instanceof BoundExpr.Const k ? k.value() : null));
        BindResult<AggregateFunction.BoundAggregate> r = agg.bind(args.stream().map(BoundExpr::type).toList(), constants);
        if (r instanceof BindResult.Error<AggregateFunction.BoundAggregate> e) {
            binder.report(BindDiagnostics.typeMismatch(call.span(), e.message()));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        AggregateFunction.BoundAggregate bound = ((BindResult.Bound<AggregateFunction.BoundAggregate>) r).implementation();
        slots.add(new AggSlot.Registry(fn, bound, args));
        String hidden = "__agg" + slots.size();
        internal.add(new Column(hidden, bound.returnType()));
        return new BoundExpr.Column(internal.size() - 1, hidden, bound.returnType());
    }

    /**
     * Aggregates that give several columns: {@code percentiles(x, 50, 95)} (one column per percentile,
     * {@code percentile_x_50}, ...) and {@code take_any(a, b)} / {@code take_any(*)} (one column per argument,
     * named after it).
     */
    static boolean isSpread(Expr.Call c) {
        String fn = c.function().text();
        if (fn.equals("percentiles")) {
            return true;
        }
        return (fn.equals("take_any") || fn.equals("any"))
                && (c.args().size() > 1 || c.args().stream().anyMatch(x -> x instanceof Expr.Star));
    }

    private void spread(Expr.Call c, Assignment a, RowScope in, Env env, List<AggSlot> slots, List<Column> internal,
                        List<String> finalNames, List<BoundExpr> finalExprs, List<String> keyNames) {
        String fn = c.function().text();
        boolean percentiles = fn.equals("percentiles");
        ScalarBinder scalars = binder.scalars();
        List<BoundExpr> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Expr arg : c.args()) {
            if (arg instanceof Expr.Star && !percentiles) {
                for (int col = 0; col < in.size(); col++) {
                    if (!keyNames.contains(in.name(col)) && !names.contains(in.name(col))) {
                        names.add(in.name(col));
                        args.add(in.get(col));
                    }
                }
                continue;
            }
            BoundExpr bound = scalars.bind(ScalarBinder.unwrapNamed(arg), in, env);
            args.add(bound);
            String n = arg instanceof Expr.NamedArg na ? na.name().text() : Names.infer(arg);
            names.add(n == null ? Names.column(names) : n);
        }
        if (args.stream().anyMatch(x -> x instanceof BoundExpr.Invalid)) {
            return;
        }
        List<Object> constants = new ArrayList<>();
        args.forEach(x -> constants.add(x instanceof BoundExpr.Const k ? k.value() : null));
        Optional<AggregateFunction> agg = binder.registry().aggregate(fn);
        if (agg.isEmpty()) {
            binder.report(BindDiagnostics.unknownFunction(c.function().span(), fn, List.of()));
            return;
        }
        BindResult<AggregateFunction.BoundAggregate> r = agg.get().bind(args.stream().map(BoundExpr::type).toList(),
                constants);
        if (r instanceof BindResult.Error<AggregateFunction.BoundAggregate> e) {
            binder.report(BindDiagnostics.typeMismatch(c.span(), e.message()));
            return;
        }
        AggregateFunction.BoundAggregate bound = ((BindResult.Bound<AggregateFunction.BoundAggregate>) r).implementation();
        List<String> columns = new ArrayList<>();
        List<ScalarType> types = new ArrayList<>();
        if (percentiles) {
            String of = names.get(0);
            List<Object> ps = constants.size() == 2 ? Literals.flatten(constants.get(1))
                    : constants.subList(1, constants.size());
            for (Object p : ps) {
                columns.add("percentile_" + of + "_" + percentileSuffix(p));
                types.add(bound.returnType());
            }
        } else {
            columns.addAll(names);
            args.forEach(x -> types.add(x.type()));
        }
        if (a.isNamed()) {
            if (a.names().size() == columns.size()) {
                for (int i = 0; i < columns.size(); i++) {
                    columns.set(i, a.names().get(i).text());
                }
            } else {
                binder.report(BindDiagnostics.badArguments(a.span(), fn + "() gives " + columns.size()
                        + " column(s) but " + a.names().size() + " name(s) are given; write (" + String.join(", ",
                        columns) + ") = " + fn + "(...)"));
                return;
            }
        }
        slots.add(new AggSlot.Registry(fn, bound, args, columns.size()));
        for (int i = 0; i < columns.size(); i++) {
            String n = Names.unique(columns.get(i), finalNames);
            internal.add(new Column(n, types.get(i)));
            finalNames.add(n);
            finalExprs.add(new BoundExpr.Column(internal.size() - 1, n, types.get(i)));
        }
    }

    /** 50 → "50", 99.9 → "99_9" (Kusto's percentile column suffix). */
    static String percentileSuffix(Object p) {
        double d = p instanceof Number n ? n.doubleValue() : Double.NaN;
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replace('.', '_');
    }

    private void argExtreme(Expr.Call c, Assignment a, RowScope in, Env env, List<String> keyNames,
                            List<AggSlot> slots, List<Column> internal, List<String> finalNames,
                            List<BoundExpr> finalExprs) {
        boolean max = c.is("arg_max") || c.is("argmax");
        ScalarBinder scalars = binder.scalars();
        if (c.args().isEmpty()) {
            binder.report(BindDiagnostics.badArguments(c.span(), c.function().text() + "() needs an expression to"
                    + " " + (max ? "maximize" : "minimize")));
            return;
        }
        Expr keySyntax = ScalarBinder.unwrapNamed(c.args().get(0));
        BoundExpr key = scalars.bind(keySyntax, in, env);
        String keyName = a.isNamed() ? a.names().get(0).text() : Optional.ofNullable(Names.infer(keySyntax))
                .orElse((max ? "max_" : "min_") + "Column");
        List<String> names = new ArrayList<>();
        List<BoundExpr> values = new ArrayList<>();
        names.add(keyName);
        for (int i = 1; i < c.args().size(); i++) {
            Expr arg = c.args().get(i);
            if (arg instanceof Expr.Star) {
                for (int col = 0; col < in.size(); col++) {
                    String n = in.name(col);
                    if (!keyNames.contains(n) && !names.contains(n)) {
                        names.add(n);
                        values.add(in.get(col));
                    }
                }
                continue;
            }
            String n = arg instanceof Expr.NamedArg na ? na.name().text() : Names.infer(arg);
            BoundExpr v = scalars.bind(ScalarBinder.unwrapNamed(arg), in, env);
            if (n == null) {
                n = Names.column(names);
            }
            if (keyNames.contains(n) || names.contains(n)) {
                n = Names.unique(n, concat(keyNames, names));
            }
            names.add(n);
            values.add(v);
        }
        if (key instanceof BoundExpr.Invalid || values.stream().anyMatch(v -> v instanceof BoundExpr.Invalid)) {
            return;
        }
        slots.add(new AggSlot.ArgExtreme(max, key, values));
        for (int i = 0; i < names.size(); i++) {
            ScalarType t = i == 0 ? key.type() : values.get(i - 1).type();
            String n = Names.unique(names.get(i), finalNames);
            internal.add(new Column(n, t));
            finalNames.add(n);
            finalExprs.add(new BoundExpr.Column(internal.size() - 1, n, t));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
