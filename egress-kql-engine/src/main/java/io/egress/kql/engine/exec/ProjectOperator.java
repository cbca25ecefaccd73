package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes each output column from the input row: {@code extend}, {@code project}, {@code
 * project-away/keep/rename/reorder} all bind to this. Streams, unless it evaluates row-window
 * functions ({@code row_number}, {@code prev}, {@code next}), which need the whole serialized input.
 */
public final class ProjectOperator implements PlanNode {
    private final PlanNode input;
    private final Schema schema;
    private final List<BoundExpr> exprs;
    private final RowExpr[] compiled;
    private final boolean windowed;
    private final String kind;

    public ProjectOperator(String kind, PlanNode input, Schema schema, List<BoundExpr> exprs, boolean windowed) {
        if (schema.size() != exprs.size()) {
            throw new IllegalArgumentException("schema and expressions differ in size");
        }
        this.kind = kind;
        this.input = input;
        this.schema = schema;
        this.exprs = List.copyOf(exprs);
        this.compiled = ExprCompiler.compileAll(exprs);
        this.windowed = windowed;
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
    public boolean streaming() {
        return !windowed;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("Project(" + kind + ")");
        for (int i = 0; i < exprs.size(); i++) {
            BoundExpr e = exprs.get(i);
            String name = schema.column(i).name();
            boolean passThrough = e instanceof BoundExpr.Column c && c.name().equals(name);
            sb.append(i == 0 ? " " : ", ").append(passThrough ? name : name + "=" + e);
        }
        return sb.toString();
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        if (!windowed) {
            return () -> {
                Object[] row = in.next();
                return row == null ? null : apply(row, ctx);
            };
        }
        WindowFunctions.Window window = new WindowFunctions.Window();
        window.rows = in.drain();
        return () -> {
            if (window.position >= window.rows.size()) {
                return null;
            }
            ctx.window(window);
            Object[] out = apply(window.rows.get(window.position), ctx);
            window.position++;
            return out;
        };
    }

    private Object[] apply(Object[] row, ExecContext ctx) {
        Object[] out = new Object[compiled.length];
        for (int i = 0; i < compiled.length; i++) {
            out[i] = compiled[i].eval(row, ctx);
        }
        return out;
    }

    static String joinNames(Schema schema) {
        return schema.names().stream().collect(Collectors.joining(", "));
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Set<String> in = new LinkedHashSet<>();
        for (int i = 0; i < exprs.size(); i++) {
            if (output.contains(schema.column(i).name())) {
                ExprRefs.addColumns(exprs.get(i), input.schema(), in);
            }
        }
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        return ExprRefs.subplans(exprs);
    }
}
