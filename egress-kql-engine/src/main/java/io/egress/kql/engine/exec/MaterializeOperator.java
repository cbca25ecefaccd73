package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;
import java.util.Set;

/** {@code materialize(q)}: runs its input once per execution and replays the cached rows to every reader. */
public final class MaterializeOperator implements PlanNode {
    private final PlanNode input;

    public MaterializeOperator(PlanNode input) {
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
    public boolean streaming() {
        return false;
    }

    @Override
    public String describe() {
        return "Materialize";
    }

    @Override
    public RowSource open(ExecContext ctx) {
        List<Object[]> rows = ctx.cached(this, () -> input.open(ctx).drain());
        return RowSource.of(rows);
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        return output;
    }
}
