package io.egress.kql.engine.exec;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;
import java.util.Set;

/** {@code count}: one row, one column {@code Count:long}. */
public final class CountOperator implements PlanNode {
    private static final Schema SCHEMA = Schema.of(new Column("Count", ScalarType.LONG));
    private final PlanNode input;

    public CountOperator(PlanNode input) {
        this.input = input;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
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
        return "Count";
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        long n = 0;
        while (in.next() != null) {
            n++;
        }
        return RowSource.of(List.<Object[]>of(new Object[] {n}));
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        return Set.of();
    }
}
