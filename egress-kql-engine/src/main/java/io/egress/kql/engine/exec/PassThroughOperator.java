package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;
import java.util.Set;

/** Operators that leave rows as they are offline: {@code render} (no chart here), {@code serialize}, {@code as}. */
public final class PassThroughOperator implements PlanNode {
    private final String label;
    private final PlanNode input;

    public PassThroughOperator(String label, PlanNode input) {
        this.label = label;
        this.input = input;
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
        return label;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        return input.open(ctx);
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        return output;
    }
}
