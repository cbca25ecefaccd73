package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code sort by} / {@code order by}, and {@code top N by} when {@code limit} is set. Blocking, stable. */
public final class SortOperator implements PlanNode {
    private final PlanNode input;
    private final List<SortSpec> keys;
    private final RowExpr[] compiled;
    private final Comparator<Object>[] orders;
    private final long limit;

    @SuppressWarnings("unchecked")
    public SortOperator(PlanNode input, List<SortSpec> keys, long limit) {
        this.input = input;
        this.keys = List.copyOf(keys);
        this.limit = limit;
        this.compiled = new RowExpr[keys.size()];
        this.orders = new Comparator[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            compiled[i] = ExprCompiler.compile(keys.get(i).expr());
            orders[i] = KqlValues.sortOrder(keys.get(i).descending(), keys.get(i).nullsFirst());
        }
    }

    @Override
    public Schema schema() {
        return input.schema();
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
        return (limit >= 0 ? "Top " + limit + " by " : "Sort by ") + keys;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        List<Object[][]> keyed = new ArrayList<>();
        for (Object[] row = in.next(); row != null; row = in.next()) {
            Object[] key = new Object[compiled.length];
            for (int i = 0; i < compiled.length; i++) {
                key[i] = compiled[i].eval(row, ctx);
            }
            keyed.add(new Object[][] {key, row});
        }
        keyed.sort((a, b) -> {
            for (int i = 0; i < orders.length; i++) {
                int c = orders[i].compare(a[0][i], b[0][i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        int n = limit >= 0 ? (int) Math.min(limit, keyed.size()) : keyed.size();
        List<Object[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(keyed.get(i)[1]);
        }
        return RowSource.of(out);
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Set<String> in = new LinkedHashSet<>(output);
        keys.forEach(k -> ExprRefs.addColumns(k.expr(), input.schema(), in));
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        return ExprRefs.subplans(keys.stream().map(SortSpec::expr).toList());
    }
}
