package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code distinct cols}: first occurrence of each distinct tuple, compared by value. Streams. */
public final class DistinctOperator implements PlanNode {
    private final PlanNode input;
    private final Schema schema;
    private final List<BoundExpr> exprs;
    private final RowExpr[] compiled;

    public DistinctOperator(PlanNode input, Schema schema, List<BoundExpr> exprs) {
        this.input = input;
        this.schema = schema;
        this.exprs = List.copyOf(exprs);
        this.compiled = ExprCompiler.compileAll(exprs);
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
    public String describe() {
        return "Distinct " + exprs;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        Set<GroupKey> seen = new HashSet<>();
        return () -> {
            for (Object[] row = in.next(); row != null; row = in.next()) {
                Object[] out = new Object[compiled.length];
                for (int i = 0; i < compiled.length; i++) {
                    out[i] = compiled[i].eval(row, ctx);
                }
                if (seen.add(new GroupKey(out.clone()))) {
                    return out;
                }
            }
            return null;
        };
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        return ExprRefs.columns(exprs, input.schema()); // every key decides which rows are distinct
    }

    @Override
    public List<PlanNode> subplans() {
        return ExprRefs.subplans(exprs);
    }
}
