package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code top-nested N of Key by Agg, ...}: at each level the rows are grouped by the key, the groups
 * ranked by the aggregate (desc by default) and the top N kept; the next level works inside each kept
 * group. Output per path: key and aggregate value of every level.
 */
public final class TopNestedOperator implements PlanNode {
    /** One level: how many, the key, the aggregate and its arguments, the order. */
    public record Level(long count, BoundExpr key, AggregateFunction.BoundAggregate aggregate, List<BoundExpr> args,
                        boolean descending) {
    }

    private final PlanNode input;
    private final Schema schema;
    private final List<Level> levels;
    private final RowExpr[] keys;
    private final RowExpr[][] args;

    public TopNestedOperator(PlanNode input, Schema schema, List<Level> levels) {
        this.input = input;
        this.schema = schema;
        this.levels = List.copyOf(levels);
        this.keys = new RowExpr[levels.size()];
        this.args = new RowExpr[levels.size()][];
        for (int i = 0; i < levels.size(); i++) {
            keys[i] = ExprCompiler.compile(levels.get(i).key());
            args[i] = ExprCompiler.compileAll(levels.get(i).args());
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
        return "TopNested " + levels.size() + " levels -> " + schema;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        List<Object[]> out = new ArrayList<>();
        level(0, input.open(ctx).drain(), new Object[schema.size()], ctx, out);
        return RowSource.of(out);
    }

    private void level(int i, List<Object[]> rows, Object[] prefix, ExecContext ctx, List<Object[]> out) {
        if (i == levels.size()) {
            out.add(prefix.clone());
            return;
        }
        Level level = levels.get(i);
        Map<Object, List<Object[]>> groups = new LinkedHashMap<>();
        Map<Object, AggregateFunction.Accumulator> accs = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Object key = KqlValues.normalizeKey(keys[i].eval(row, ctx));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            Object[] a = new Object[args[i].length];
            for (int x = 0; x < a.length; x++) {
                a[x] = args[i][x].eval(row, ctx);
            }
            accs.computeIfAbsent(key, k -> level.aggregate().newAccumulator()).add(a);
        }
        List<Object[]> ranked = new ArrayList<>();
        accs.forEach((k, acc) -> ranked.add(new Object[] {k, acc.result()}));
        Comparator<Object> order = KqlValues.sortOrder(level.descending(), !level.descending());
        ranked.sort((a, b) -> order.compare(a[1], b[1]));
        for (int r = 0; r < Math.min(level.count(), ranked.size()); r++) {
            Object key = ranked.get(r)[0];
            prefix[2 * i] = level.key().type() == io.egress.data.ScalarType.INT && key instanceof Long l ? (Object) l.intValue() : key;
            prefix[2 * i + 1] = ranked.get(r)[1];
            level(i + 1, groups.get(key), prefix, ctx, out);
        }
    }
}
