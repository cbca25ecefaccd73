package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;
import java.util.Set;

/**
 * Rows computed once per execution and replayed to every reader: {@code materialize(q)}, and a
 * query-level tabular {@code let} that the query reads more than once, as if it were materialized. Kusto evaluates such a
 * let at each reference; the result is the same because the binder shares only lets without
 * {@code rand()} or {@code new_guid()} (and {@code now()} is fixed per execution), and a rule that
 * reads one parsed, filtered set of events from five branches no longer parses it five times. A let
 * read once streams through untouched.
 */
public final class SharedOperator implements PlanNode {
    private final PlanNode input;
    /** Whether this is {@code materialize()}: cached whatever the number of readers. */
    private final boolean materialize;
    /** References bound so far; final once binding ends (a compiled plan is not bound again). */
    private int references;

    private SharedOperator(PlanNode input, boolean materialize) {
        this.input = input;
        this.materialize = materialize;
    }

    /** A query-level let, cached when the binder counts two or more references. */
    public static SharedOperator let(PlanNode input) {
        return new SharedOperator(input, false);
    }

    /** {@code materialize(q)}. */
    public static SharedOperator materialize(PlanNode input) {
        return new SharedOperator(input, true);
    }

    private boolean cached() {
        return materialize || references >= 2;
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
        return !cached();
    }

    @Override
    public String describe() {
        if (materialize) {
            return "Materialize";
        }
        return references < 2 ? "Let" : "Let (shared by " + references + " readers: computed once)";
    }

    @Override
    public RowSource open(ExecContext ctx) {
        if (!cached()) {
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
