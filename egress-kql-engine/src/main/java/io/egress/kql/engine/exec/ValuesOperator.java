package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;

/** Constant rows: {@code datatable}, {@code getschema} results, and other tables known at bind time. */
public final class ValuesOperator implements PlanNode {
    private final String label;
    private final Schema schema;
    private final List<Object[]> rows;

    public ValuesOperator(String label, Schema schema, List<Object[]> rows) {
        this.label = label;
        this.schema = schema;
        this.rows = List.copyOf(rows);
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
        return label + " (" + rows.size() + " rows)";
    }

    @Override
    public RowSource open(ExecContext ctx) {
        return RowSource.of(rows);
    }
}
