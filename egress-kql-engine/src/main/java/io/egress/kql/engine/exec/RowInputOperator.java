package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;

/** The input of an {@code mv-apply} sub-query: the rows its {@link MvApplyOperator} sets for the current input row. */
public final class RowInputOperator implements PlanNode {
    private final Schema schema;

    public RowInputOperator(Schema schema) {
        this.schema = schema;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        return "CurrentRow";
    }

    @Override
    @SuppressWarnings("unchecked")
    public RowSource open(ExecContext ctx) {
        Object rows = ctx.get(this);
        return rows == null ? () -> null : RowSource.of((List<Object[]>) rows);
    }
}
