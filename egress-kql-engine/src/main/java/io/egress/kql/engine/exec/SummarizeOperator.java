package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code summarize aggs by keys}: hash grouping on the key values (compared by value, nulls group
 * together), one accumulator per aggregate per group. Output: keys, then each slot's columns. Groups
 * come out in order of first appearance. Without keys, an empty input still gives one row.
 */
public final class SummarizeOperator implements PlanNode {
    private final PlanNode input;
    private final Schema schema;
    private final List<BoundExpr> keys;
    private final List<AggSlot> slots;
    private final RowExpr[] keyExprs;
    private final RowExpr[][] slotArgs;

    public SummarizeOperator(PlanNode input, Schema schema, List<BoundExpr> keys, List<AggSlot> slots) {
        this.input = input;
        this.schema = schema;
        this.keys = List.copyOf(keys);
        this.slots = List.copyOf(slots);
        this.keyExprs = ExprCompiler.compileAll(keys);
        this.slotArgs = new RowExpr[slots.size()][];
        for (int i = 0; i < slots.size(); i++) {
            AggSlot slot = slots.get(i);
            if (slot instanceof AggSlot.Registry r) {
                slotArgs[i] = ExprCompiler.compileAll(r.args());
            } else {
                AggSlot.ArgExtreme a = (AggSlot.ArgExtreme) slot;
                List<BoundExpr> all = new ArrayList<>();
                all.add(a.key());
                all.addAll(a.values());
                slotArgs[i] = ExprCompiler.compileAll(all);
            }
        }
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
        return "Summarize " + slots + (keys.isEmpty() ? "" : " by " + keys);
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        Map<GroupKey, Object[]> groups = new LinkedHashMap<>();
        for (Object[] row = in.next(); row != null; row = in.next()) {
            Object[] keyValues = new Object[keyExprs.length];
            for (int i = 0; i < keyExprs.length; i++) {
                keyValues[i] = keyExprs[i].eval(row, ctx);
            }
            GroupKey key = new GroupKey(keyValues.clone());
            Object[] states = groups.get(key);
            if (states == null) {
                states = newStates();
                groups.put(new GroupKey(keyValues), states);
                key = null;
            }
            for (int s = 0; s < slots.size(); s++) {
                RowExpr[] args = slotArgs[s];
                Object[] values = new Object[args.length];
                for (int a = 0; a < args.length; a++) {
                    values[a] = args[a].eval(row, ctx);
                }
                if (states[s] instanceof AggregateFunction.Accumulator acc) {
                    acc.add(values);
                } else {
                    ((ArgState) states[s]).offer(values);
                }
            }
        }
        boolean emptyInput = groups.isEmpty() && keyExprs.length == 0;
        if (emptyInput) {
            groups.put(new GroupKey(new Object[0]), newStates());
        }
        List<Object[]> out = new ArrayList<>(groups.size());
        for (Map.Entry<GroupKey, Object[]> e : groups.entrySet()) {
            Object[] row = new Object[schema.size()];
            Object[] keyValues = e.getKey().values();
            int c = 0;
            for (int i = 0; i < keyValues.length; i++) {
                row[c++] = keys.get(i).type() == io.egress.data.ScalarType.INT && keyValues[i] instanceof Long l
                        ? Integer.valueOf(l.intValue()) : keyValues[i];
            }
            for (int s = 0; s < slots.size(); s++) {
                Object state = e.getValue()[s];
                if (state instanceof AggregateFunction.Accumulator acc) {
                    int width = slots.get(s).width();
                    Object result = acc.result();
                    if (emptyInput && result == null && slots.get(s) instanceof AggSlot.Registry r) {
                        result = emptyDefault(r);
                    }
                    if (width == 1) {
                        row[c++] = result;
                    } else {
                        Object[] values = result instanceof Object[] a ? a : new Object[width];
                        for (int i = 0; i < width; i++) {
                            row[c++] = i < values.length ? values[i] : null;
                        }
                    }
                } else {
                    Object[] best = ((ArgState) state).best;
                    for (int i = 0; i < slots.get(s).width(); i++) {
                        row[c++] = best == null ? null : best[i];
                    }
                }
            }
            out.add(row);
        }
        return RowSource.of(out);
    }

    /** Aggregates whose value over no rows is zero (Kusto's documented defaults); the others stay null. */
    private static final java.util.Set<String> ZERO_WHEN_EMPTY = java.util.Set.of("count", "countif", "dcount",
            "dcountif", "count_distinct", "count_distinctif", "sum", "sumif", "variance", "varianceif", "variancep",
            "stdev", "stdevif", "stdevp");

    /** The value of an aggregate over an empty input without by-keys: 0 for the counting ones, else null. */
    private static Object emptyDefault(AggSlot.Registry r) {
        return emptyDefault(r.name(), r.aggregate().returnType());
    }

    /** The documented value of aggregate {@code name} over no rows: 0 for the counting ones, else null. */
    public static Object emptyDefault(String name, io.egress.data.ScalarType type) {
        if (!ZERO_WHEN_EMPTY.contains(name)) {
            return null;
        }
        return switch (type) {
            case INT -> 0;
            case LONG -> 0L;
            case REAL -> 0.0;
            case DECIMAL -> java.math.BigDecimal.ZERO;
            case TIMESPAN -> java.time.Duration.ZERO;
            default -> null;
        };
    }

    private Object[] newStates() {
        Object[] states = new Object[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            AggSlot slot = slots.get(s);
            if (slot instanceof AggSlot.Registry r) {
                states[s] = r.aggregate().newAccumulator();
            } else {
                states[s] = new ArgState(((AggSlot.ArgExtreme) slot).max());
            }
        }
        return states;
    }

    /** arg_max / arg_min state: the values of the best row so far (first row wins ties; null keys skipped). */
    private static final class ArgState {
        final boolean max;
        Object[] best;

        ArgState(boolean max) {
            this.max = max;
        }

        void offer(Object[] values) {
            Object key = values[0];
            if (KqlValues.isNullForSort(key)) {
                return;
            }
            if (best == null) {
                best = values;
                return;
            }
            int c = KqlValues.compare(key, best[0]);
            if (max ? c > 0 : c < 0) {
                best = values;
            }
        }
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Set<String> in = ExprRefs.columns(keys, input.schema()); // keys decide the groups, needed or not
        int column = keys.size();
        for (AggSlot slot : slots) {
            boolean needed = false;
            for (int i = 0; i < slot.width(); i++) {
                needed |= output.contains(schema.column(column + i).name());
            }
            column += slot.width();
            if (needed) {
                in.addAll(ExprRefs.columns(slotExprs(slot), input.schema()));
            }
        }
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        List<BoundExpr> all = new ArrayList<>(keys);
        slots.forEach(s -> all.addAll(slotExprs(s)));
        return ExprRefs.subplans(all);
    }

    private static List<BoundExpr> slotExprs(AggSlot slot) {
        if (slot instanceof AggSlot.Registry r) {
            return r.args();
        }
        AggSlot.ArgExtreme a = (AggSlot.ArgExtreme) slot;
        List<BoundExpr> all = new ArrayList<>();
        all.add(a.key());
        all.addAll(a.values());
        return all;
    }
}
