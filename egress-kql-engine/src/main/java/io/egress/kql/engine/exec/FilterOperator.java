package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code where}: passes the rows whose predicate is true (false and null drop the row). Streams. */
public final class FilterOperator implements PlanNode {
    private final PlanNode input;
    private final BoundExpr predicate;
    private final RowExpr compiled;

    public FilterOperator(PlanNode input, BoundExpr predicate) {
        this.input = input;
        this.predicate = predicate;
        this.compiled = ExprCompiler.compile(predicate);
    }

    public PlanNode input() {
        return input;
    }

    public BoundExpr predicate() {
        return predicate;
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
        return "Filter " + predicate;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        return () -> {
            for (Object[] row = in.next(); row != null; row = in.next()) {
                if (KqlValues.isTrue(compiled.eval(row, ctx))) {
                    return row;
                }
            }
            return null;
        };
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Set<String> in = new LinkedHashSet<>(output);
        ExprRefs.addColumns(predicate, input.schema(), in);
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        return ExprRefs.subplans(List.of(predicate));
    }
}
