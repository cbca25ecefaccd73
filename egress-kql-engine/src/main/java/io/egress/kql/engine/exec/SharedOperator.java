package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;
import java.util.Set;

/**
 * A query-level tabular {@code let} that the query reads more than once: its rows are computed once per
 * execution and replayed to every reader, as if it were {@code materialize()}d. Kusto evaluates such a
 * let at each reference; the result is the same because the binder shares only lets without
 * {@code rand()} or {@code new_guid()} (and {@code now()} is fixed per execution), and a rule that
 * reads one parsed, filtered set of events from five branches no longer parses it five times. A let
 * read once streams through untouched.
 */
public final class SharedOperator implements PlanNode {
    private final PlanNode input;
    /** References bound so far; final once binding ends (a compiled plan is not bound again). */
    private int references;

    public SharedOperator(PlanNode input) {
        this.input = input;
    }

    /** Counts one more place the query reads this let (called by the binder). */
    public void reference() {
        references++;
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
        return references < 2;
    }

    @Override
    public String describe() {
        return references < 2 ? "Let" : "Let (shared by " + references + " readers: computed once)";
    }

    @Override
    public RowSource open(ExecContext ctx) {
        if (references < 2) {
            return input.open(ctx);
        }
        List<Object[]> rows = ctx.cached(this, () -> input.open(ctx).drain());
        return RowSource.of(rows);
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        return output;
    }
}
