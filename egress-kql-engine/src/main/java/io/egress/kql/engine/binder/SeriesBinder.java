package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.exec.MakeSeriesOperator;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code make-series} (keys, registry aggregates with defaults, the axis and its range) and {@code top-nested}. */
final class SeriesBinder {
    private final Binder binder;

    SeriesBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode topNested(TabularOperator.TopNested tn, PlanNode input, Env env) {
        RowScope in = RowScope.of(input.schema());
        List<Column> cols = new ArrayList<>();
        List<io.egress.kql.engine.exec.TopNestedOperator.Level> levels = new ArrayList<>();
        for (TabularOperator.TopNestedLevel l : tn.levels()) {
            if (l.others() != null) {
                binder.report(BindDiagnostics.unsupported(l.others().span(), "top-nested 'with others'"));
            }
            long count = Long.MAX_VALUE;
            if (l.count() != null) {
                BoundExpr c = binder.scalars().bind(l.count(), RowScope.empty(), env);
                count = c instanceof BoundExpr.Const k && k.value() instanceof Number n ? n.longValue() : count;
            }
            BoundExpr key = binder.scalars().bind(l.of().value(), in, env);
            String keyName = l.of().isNamed() ? l.of().names().get(0).text() : Names.infer(l.of().value());
            keyName = Names.unique(keyName == null ? "Column1" : keyName, cols.stream().map(Column::name).toList());
            cols.add(new Column(keyName, key.type()));
            Expr agg = l.by().value();
            if (!(agg instanceof Expr.Call call) || binder.registry().aggregate(call.function().text()).isEmpty()) {
                binder.report(BindDiagnostics.wrongKind(agg.span(), "top-nested needs an aggregation after 'by'"));
                return input;
            }
            List<BoundExpr> args = new ArrayList<>();
            for (Expr a : call.args()) {
                if (!(a instanceof Expr.Star)) {
                    args.add(binder.scalars().bind(ScalarBinder.unwrapNamed(a), in, env));
                }
            }
            List<Object> constants = new ArrayList<>();
            args.forEach(b -> constants.add(b instanceof BoundExpr.Const k ? k.value() : null));
            BindResult<AggregateFunction.BoundAggregate> r = binder.registry().aggregate(call.function().text()).get()
                    .bind(args.stream().map(BoundExpr::type).toList(), constants);
            if (r instanceof BindResult.Error<AggregateFunction.BoundAggregate> e) {
                binder.report(BindDiagnostics.typeMismatch(call.span(), e.message()));
                return input;
            }
            AggregateFunction.BoundAggregate bound = ((BindResult.Bound<AggregateFunction.BoundAggregate>) r).implementation();
            String aggName = l.by().isNamed() ? l.by().names().get(0).text() : "aggregated_" + keyName;
            cols.add(new Column(Names.unique(aggName, cols.stream().map(Column::name).toList()), bound.returnType()));
            levels.add(new io.egress.kql.engine.exec.TopNestedOperator.Level(count, key, bound, args,
                    !"asc".equalsIgnoreCase(l.order())));
        }
        return new io.egress.kql.engine.exec.TopNestedOperator(input, new Schema(cols), levels);
    }

    PlanNode bind(TabularOperator.MakeSeries ms, PlanNode input, Env env) {
        RowScope in = RowScope.of(input.schema());
        ScalarBinder scalars = binder.scalars();
        List<Column> cols = new ArrayList<>();
        List<BoundExpr> keys = new ArrayList<>();
        for (Assignment a : ms.by()) {
            BoundExpr e = scalars.bind(a.value(), in, env);
            String name = a.isNamed() ? a.names().get(0).text() : Names.infer(a.value());
            cols.add(new Column(Names.unique(name == null ? "Column1" : name, cols.stream().map(Column::name).toList()),
                    e.type()));
            keys.add(e);
        }
        List<AggregateFunction.BoundAggregate> aggs = new ArrayList<>();
        List<List<BoundExpr>> args = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (TabularOperator.SeriesAggregate sa : ms.aggregates()) {
            Expr value = sa.aggregate().value();
            if (!(value instanceof Expr.Call call) || binder.registry().aggregate(call.function().text()).isEmpty()) {
                binder.report(BindDiagnostics.wrongKind(value.span(), "make-series needs an aggregation here"));
                continue;
            }
            List<BoundExpr> bound = new ArrayList<>();
            for (Expr a : call.args()) {
                if (!(a instanceof Expr.Star)) {
                    bound.add(scalars.bind(ScalarBinder.unwrapNamed(a), in, env));
                }
            }
            if (bound.stream().anyMatch(b -> b instanceof BoundExpr.Invalid)) {
                continue;
            }
            List<Object> constants = new ArrayList<>();
            bound.forEach(b -> constants.add(b instanceof BoundExpr.Const k ? k.value() : null));
            BindResult<AggregateFunction.BoundAggregate> r = binder.registry().aggregate(call.function().text()).get()
                    .bind(bound.stream().map(BoundExpr::type).toList(), constants);
            if (r instanceof BindResult.Error<AggregateFunction.BoundAggregate> e) {
                binder.report(BindDiagnostics.typeMismatch(call.span(), e.message()));
                continue;
            }
            aggs.add(((BindResult.Bound<AggregateFunction.BoundAggregate>) r).implementation());
            args.add(bound);
            Object def = 0L;
            if (sa.defaultValue() != null) {
                BoundExpr d = scalars.bind(sa.defaultValue(), RowScope.empty(), env);
                def = d instanceof BoundExpr.Const k ? k.value() : null;
            }
            defaults.add(def);
            String name = sa.aggregate().isNamed() ? sa.aggregate().names().get(0).text() : Names.aggregate(call);
            cols.add(new Column(Names.unique(name, cols.stream().map(Column::name).toList()), ScalarType.DYNAMIC));
        }
        BoundExpr axis = scalars.bind(ms.on(), in, env);
        String axisName = Names.infer(ms.on());
        cols.add(new Column(Names.unique(axisName == null ? "Column1" : axisName, cols.stream().map(Column::name).toList()),
                ScalarType.DYNAMIC));
        BoundExpr from = ms.from() == null ? null : scalars.bind(ms.from(), RowScope.empty(), env);
        BoundExpr to = ms.to() == null ? null : scalars.bind(ms.to(), RowScope.empty(), env);
        if (ms.step() == null) {
            binder.report(BindDiagnostics.badArguments(ms.span(), "make-series needs a step"));
            return input;
        }
        BoundExpr step = scalars.bind(ms.step(), RowScope.empty(), env);
        if (axis instanceof BoundExpr.Invalid || step instanceof BoundExpr.Invalid
                || from instanceof BoundExpr.Invalid || to instanceof BoundExpr.Invalid) {
            return input;
        }
        boolean dates = axis.type() == ScalarType.DATETIME;
        boolean numbers = isNumber(axis.type());
        if (!dates && !numbers && axis.type() != ScalarType.TIMESPAN) {
            binder.report(BindDiagnostics.typeMismatch(ms.on().span(), "the make-series axis ('on') must be a datetime,"
                    + " timespan or number, not " + axis.type().kqlName()));
            return input;
        }
        ScalarType stepType = dates ? ScalarType.TIMESPAN : null;
        if (dates ? step.type() != ScalarType.TIMESPAN : !(isNumber(step.type()) || step.type() == axis.type())) {
            binder.report(BindDiagnostics.typeMismatch(ms.step().span(), "the make-series step must be a "
                    + (stepType != null ? "timespan" : axis.type().kqlName()) + " for a " + axis.type().kqlName()
                    + " axis, not " + step.type().kqlName()));
            return input;
        }
        for (BoundExpr bound : new BoundExpr[] {from, to}) {
            if (bound != null && bound.type() != axis.type() && !(numbers && isNumber(bound.type()))) {
                binder.report(BindDiagnostics.typeMismatch(ms.span(), "make-series from/to must be of the axis type "
                        + axis.type().kqlName() + ", not " + bound.type().kqlName()));
                return input;
            }
        }
        return new MakeSeriesOperator(input, new Schema(cols), keys, axis, from, to, step, aggs, args, defaults);
    }

    private static boolean isNumber(ScalarType t) {
        return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.REAL || t == ScalarType.DECIMAL;
    }
}
