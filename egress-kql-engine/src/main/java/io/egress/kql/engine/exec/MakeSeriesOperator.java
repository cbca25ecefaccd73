package io.egress.kql.engine.exec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.egress.data.Schema;
import io.egress.data.io.JsonLinesWriter;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make-series aggs on Axis from A to B step S by keys}: per group, one array per aggregate with
 * one element per bin of [A, B) (missing bins get the default), and the axis as an array of bin starts.
 * Without {@code from}/{@code to} the range spans the data. Output: keys, aggregate arrays, axis array.
 */
public final class MakeSeriesOperator implements PlanNode {
    private final PlanNode input;
    private final Schema schema;
    private final List<BoundExpr> keys;
    private final RowExpr[] keyExprs;
    private final RowExpr axis;
    private final BoundExpr from;
    private final BoundExpr to;
    private final BoundExpr step;
    private final List<AggregateFunction.BoundAggregate> aggregates;
    private final RowExpr[][] aggArgs;
    private final Object[] defaults;

    public MakeSeriesOperator(PlanNode input, Schema schema, List<BoundExpr> keys, BoundExpr axis, BoundExpr from,
                              BoundExpr to, BoundExpr step, List<AggregateFunction.BoundAggregate> aggregates,
                              List<List<BoundExpr>> aggArgs, List<Object> defaults) {
        this.input = input;
        this.schema = schema;
        this.keys = List.copyOf(keys);
        this.keyExprs = ExprCompiler.compileAll(keys);
        this.axis = ExprCompiler.compile(axis);
        this.from = from;
        this.to = to;
        this.step = step;
        this.aggregates = List.copyOf(aggregates);
        this.aggArgs = new RowExpr[aggArgs.size()][];
        for (int i = 0; i < aggArgs.size(); i++) {
            this.aggArgs[i] = ExprCompiler.compileAll(aggArgs.get(i));
        }
        this.defaults = defaults.toArray();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public String describe() {
        return "MakeSeries from " + from + " to " + to + " step " + step + (keys.isEmpty() ? "" : " by " + keys);
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Object[] none = new Object[0];
        List<Object[]> rows = input.open(ctx).drain();
        Object stepValue = ExprCompiler.compile(step).eval(none, ctx);
        Object start = from == null ? null : ExprCompiler.compile(from).eval(none, ctx);
        Object end = to == null ? null : ExprCompiler.compile(to).eval(none, ctx);
        List<Object> axisValues = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object a = axis.eval(row, ctx);
            axisValues.add(a);
            if (a != null && from == null && (start == null || KqlValues.compare(a, start) < 0)) {
                start = a;
            }
            if (a != null && to == null && (end == null || KqlValues.compare(a, end) >= 0)) {
                end = plusOne(a, stepValue);
            }
        }
        if (start == null || end == null || stepValue == null || toDouble(stepValue) <= 0) {
            return RowSource.of(List.of());
        }
        int bins = (int) Math.max(0, Math.min(100_000, Math.ceil(offset(end, start) / toDouble(stepValue))));
        Map<GroupKey, AggregateFunction.Accumulator[][]> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Object a = axisValues.get(r);
            if (a == null) {
                continue;
            }
            double off = offset(a, start);
            int bin = (int) Math.floor(off / toDouble(stepValue));
            if (off < 0 || bin >= bins) {
                continue;
            }
            Object[] row = rows.get(r);
            Object[] keyValues = new Object[keyExprs.length];
            for (int k = 0; k < keyExprs.length; k++) {
                keyValues[k] = keyExprs[k].eval(row, ctx);
            }
            AggregateFunction.Accumulator[][] accs = groups.computeIfAbsent(new GroupKey(keyValues),
                    k -> new AggregateFunction.Accumulator[aggregates.size()][bins]);
            for (int g = 0; g < aggregates.size(); g++) {
                if (accs[g][bin] == null) {
                    accs[g][bin] = aggregates.get(g).newAccumulator();
                }
                Object[] args = new Object[aggArgs[g].length];
                for (int x = 0; x < args.length; x++) {
                    args[x] = aggArgs[g][x].eval(row, ctx);
                }
                accs[g][bin].add(args);
            }
        }
        ArrayNode axisArray = JsonNodeFactory.instance.arrayNode();
        for (int b = 0; b < bins; b++) {
            axisArray.add(JsonLinesWriter.toJson(binStart(start, stepValue, b)));
        }
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<GroupKey, AggregateFunction.Accumulator[][]> e : groups.entrySet()) {
            Object[] row = new Object[schema.size()];
            int c = 0;
            for (Object k : e.getKey().values()) {
                row[c++] = k;
            }
            for (int g = 0; g < aggregates.size(); g++) {
                ArrayNode series = JsonNodeFactory.instance.arrayNode();
                for (int b = 0; b < bins; b++) {
                    AggregateFunction.Accumulator acc = e.getValue()[g][b];
                    series.add(JsonLinesWriter.toJson(acc == null ? defaults[g] : acc.result()));
                }
                row[c++] = series;
            }
            row[c] = axisArray;
            out.add(row);
        }
        return RowSource.of(out);
    }

    private static double toDouble(Object v) {
        return v instanceof Duration d ? d.toNanos() : ((Number) v).doubleValue();
    }

    private static double offset(Object value, Object start) {
        if (value instanceof Instant i) {
            return Duration.between((Instant) start, i).toNanos();
        }
        if (value instanceof Duration d) {
            return d.minus((Duration) start).toNanos();
        }
        return ((Number) value).doubleValue() - ((Number) start).doubleValue();
    }

    private static Object plusOne(Object value, Object step) {
        if (value instanceof Instant i && step instanceof Duration d) {
            return i.plus(d);
        }
        if (value instanceof Duration v && step instanceof Duration d) {
            return v.plus(d);
        }
        if (value instanceof Number n && step instanceof Number s) {
            return n.doubleValue() + s.doubleValue();
        }
        return value;
    }

    private static Object binStart(Object start, Object step, int b) {
        if (start instanceof Instant i) {
            return i.plus(((Duration) step).multipliedBy(b));
        }
        if (start instanceof Duration d) {
            return d.plus(((Duration) step).multipliedBy(b));
        }
        if (start instanceof Long l && step instanceof Long s) {
            return l + s * b;
        }
        return ((Number) start).doubleValue() + ((Number) step).doubleValue() * b;
    }
}
