package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;

/** {@code print a = expr, ...}: one row computed from the expressions. */
public final class PrintOperator implements PlanNode {
    private final Schema schema;
    private final List<BoundExpr> exprs;
    private final RowExpr[] compiled;

    public PrintOperator(Schema schema, List<BoundExpr> exprs) {
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
        return List.of();
    }

    @Override
    public String describe() {
        return "Print " + exprs;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Object[] row = new Object[compiled.length];
        for (int i = 0; i < compiled.length; i++) {
            row[i] = compiled[i].eval(new Object[0], ctx);
        }
        return RowSource.of(List.<Object[]>of(row));
    }
}
