package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;
import java.util.Set;

/** {@code take N} / {@code limit N}: the first N rows. Streams and stops pulling after N. */
public final class TakeOperator implements PlanNode {
    private final PlanNode input;
    private final long count;

    public TakeOperator(PlanNode input, long count) {
        this.input = input;
        this.count = count;
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
    public String describe() {
        return "Take " + count;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        long[] taken = {0};
        return () -> {
            if (taken[0] >= count) {
                return null;
            }
            Object[] row = in.next();
            if (row != null) {
                taken[0]++;
            }
            return row;
        };
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        return output;
    }
}
