package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.ValueFormat;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.GroupKey;
import io.egress.kql.engine.exec.ProjectOperator;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.exec.RowSource;
import io.egress.kql.engine.exec.SummarizeOperator;
import io.egress.kql.engine.exec.ValuesOperator;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evaluate pivot(PivotColumn [, aggregation] [, Col1, ...])}: one output row per value of the group
 * columns (given, or every column but the pivot column and the aggregated columns), one column per distinct
 * value of the pivot column (in order of first appearance) holding the aggregation (default
 * {@code count()}; a missing combination gets the aggregation's empty value, 0 for counts and sums).
 * Like bag_unpack its columns come from the data: without data it keeps the group columns and marks the
 * compilation data-dependent; over the data (the probe) it computes the pivoted table.
 */
final class PivotBinder {
    private final Binder binder;

    PivotBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode bind(TabularOperator.Evaluate ev, PlanNode input, Env env) {
        List<Expr> args = ev.plugin().args();
        if (args.isEmpty()) {
            binder.report(BindDiagnostics.badArguments(ev.plugin().span(), "pivot() needs the column to pivot"));
            return input;
        }
        RowScope scope = RowScope.of(input.schema());
        BoundExpr pivot = binder.scalars().bind(ScalarBinder.unwrapNamed(args.get(0)), scope, env);
        int next = 1;
        Expr.Call aggCall = null;
        if (args.size() > 1 && args.get(1) instanceof Expr.Call c && binder.registry().aggregate(c.function().text())
                .isPresent()) {
            aggCall = c;
            next = 2;
        }
        String aggName = aggCall == null ? "count" : aggCall.function().text();
        List<BoundExpr> aggArgs = new ArrayList<>();
        Set<String> aggregated = new HashSet<>();
        if (aggCall != null) {
            for (Expr a : aggCall.args()) {
                if (a instanceof Expr.Star) {
                    continue;
                }
                Expr e = ScalarBinder.unwrapNamed(a);
                if (e instanceof Expr.NameRef n) {
                    aggregated.add(n.name().text());
                }
                aggArgs.add(binder.scalars().bind(e, scope, env));
            }
        }
        List<String> groupNames = new ArrayList<>();
        List<BoundExpr> groupExprs = new ArrayList<>();
        for (int i = next; i < args.size(); i++) {
            Expr e = ScalarBinder.unwrapNamed(args.get(i));
            BoundExpr g = binder.scalars().bind(e, scope, env);
            String n = Names.infer(e);
            groupNames.add(n == null ? Names.column(groupNames) : n);
            groupExprs.add(g);
        }
        if (pivot instanceof BoundExpr.Invalid || aggArgs.stream().anyMatch(a -> a instanceof BoundExpr.Invalid)
                || groupExprs.stream().anyMatch(a -> a instanceof BoundExpr.Invalid)) {
            return input;
        }
        if (next == args.size()) {
            String pivotName = pivot instanceof BoundExpr.Column c ? c.name() : null;
            for (int i = 0; i < scope.size(); i++) {
                if (!scope.name(i).equals(pivotName) && !aggregated.contains(scope.name(i))) {
                    groupNames.add(scope.name(i));
                    groupExprs.add(scope.get(i));
                }
            }
        }
        Optional<AggregateFunction> agg = binder.registry().aggregate(aggName);
        if (agg.isEmpty()) {
            binder.report(BindDiagnostics.unknownFunction(ev.plugin().span(), aggName, List.of()));
            return input;
        }
        List<Object> constants = new ArrayList<>();
        aggArgs.forEach(a -> constants.add(a instanceof BoundExpr.Const k ? k.value() : null));
        BindResult<AggregateFunction.BoundAggregate> r = agg.get().bind(aggArgs.stream().map(BoundExpr::type).toList(),
                constants);
        if (r instanceof BindResult.Error<AggregateFunction.BoundAggregate> e) {
            binder.report(BindDiagnostics.typeMismatch(ev.plugin().span(), e.message()));
            return input;
        }
        AggregateFunction.BoundAggregate bound = ((BindResult.Bound<AggregateFunction.BoundAggregate>) r).implementation();
        List<Column> groupCols = new ArrayList<>();
        for (int i = 0; i < groupNames.size(); i++) {
            groupCols.add(new Column(Names.unique(groupNames.get(i), groupCols.stream().map(Column::name).toList()),
                    groupExprs.get(i).type()));
        }
        ExecContext probe = binder.probe();
        if (probe == null) {
            binder.dataDependent(ev.span());
            return new ProjectOperator("pivot (columns known at run time)", input, new Schema(groupCols), groupExprs,
                    false);
        }
        return pivoted(input, probe, pivot, groupExprs, groupCols, aggArgs, aggName, bound);
    }

    private static PlanNode pivoted(PlanNode input, ExecContext ctx, BoundExpr pivot, List<BoundExpr> groupExprs,
                                    List<Column> groupCols, List<BoundExpr> aggArgs, String aggName,
                                    AggregateFunction.BoundAggregate bound) {
        RowExpr pivotExpr = ExprCompiler.compile(pivot);
        RowExpr[] groups = ExprCompiler.compileAll(groupExprs);
        RowExpr[] aggs = ExprCompiler.compileAll(aggArgs);
        Map<String, Integer> pivotColumns = new LinkedHashMap<>();
        Map<GroupKey, List<AggregateFunction.Accumulator>> cells = new LinkedHashMap<>();
        RowSource rows = input.open(ctx);
        for (Object[] row = rows.next(); row != null; row = rows.next()) {
            Object p = pivotExpr.eval(row, ctx);
            String name = p == null ? "" : p instanceof String s ? s : ValueFormat.toKqlString(p);
            Integer column = pivotColumns.computeIfAbsent(name, k -> pivotColumns.size());
            Object[] key = new Object[groups.length];
            for (int i = 0; i < groups.length; i++) {
                key[i] = groups[i].eval(row, ctx);
            }
            List<AggregateFunction.Accumulator> accs = cells.computeIfAbsent(new GroupKey(key), k -> new ArrayList<>());
            while (accs.size() <= column) {
                accs.add(null);
            }
            if (accs.get(column) == null) {
                accs.set(column, bound.newAccumulator());
            }
            Object[] values = new Object[aggs.length];
            for (int i = 0; i < aggs.length; i++) {
                values[i] = aggs[i].eval(row, ctx);
            }
            accs.get(column).add(values);
        }
        List<Column> cols = new ArrayList<>(groupCols);
        for (String p : pivotColumns.keySet()) {
            cols.add(new Column(Names.unique(p.isEmpty() ? "Column1" : p, cols.stream().map(Column::name).toList()),
                    bound.returnType()));
        }
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<GroupKey, List<AggregateFunction.Accumulator>> e : cells.entrySet()) {
            Object[] row = new Object[cols.size()];
            Object[] key = e.getKey().values();
            System.arraycopy(key, 0, row, 0, key.length);
            for (int c = 0; c < pivotColumns.size(); c++) {
                AggregateFunction.Accumulator acc = c < e.getValue().size() ? e.getValue().get(c) : null;
                Object v = (acc != null ? acc : bound.newAccumulator()).result();
                if (v == null) {
                    v = SummarizeOperator.emptyDefault(aggName, bound.returnType());
                }
                row[key.length + c] = v;
            }
            out.add(row);
        }
        return new ValuesOperator("pivot", new Schema(cols), out);
    }
}
