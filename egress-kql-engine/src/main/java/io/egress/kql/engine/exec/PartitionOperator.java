package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code partition by Col (subquery)}: the sub-query runs once per distinct key over that key's rows. */
public final class PartitionOperator implements PlanNode {
    private final PlanNode input;
    private final BoundExpr key;
    private final RowExpr keyExpr;
    private final RowInputOperator current;
    private final PlanNode subquery;

    public PartitionOperator(PlanNode input, BoundExpr key, RowInputOperator current, PlanNode subquery) {
        this.input = input;
        this.key = key;
        this.keyExpr = ExprCompiler.compile(key);
        this.current = current;
        this.subquery = subquery;
    }

    @Override
    public Schema schema() {
        return subquery.schema();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input, subquery);
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public String describe() {
        return "Partition by " + key;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Map<Object, List<Object[]>> groups = new LinkedHashMap<>();
        RowSource in = input.open(ctx);
        for (Object[] row = in.next(); row != null; row = in.next()) {
            groups.computeIfAbsent(KqlValues.normalizeKey(keyExpr.eval(row, ctx)), k -> new ArrayList<>()).add(row);
        }
        List<Object[]> out = new ArrayList<>();
        for (List<Object[]> rows : groups.values()) {
            ctx.put(current, rows);
            out.addAll(subquery.open(ctx).drain());
        }
        return RowSource.of(out);
    }
}
