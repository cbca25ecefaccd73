package io.egress.kql.engine.plan;

import io.egress.data.Schema;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.RowSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tabular operator of a compiled plan. Built once by the binder (expressions already compiled);
 * {@link #open} starts one execution. Streaming operators pull from their input row by row; blocking
 * ones (sort, summarize, join build side) materialise what they must.
 */
public interface PlanNode {
    Schema schema();

    RowSource open(ExecContext ctx);

    List<PlanNode> inputs();

    /** One line for explain: the operator and its arguments as bound (types resolved). */
    String describe();

    /** Whether the operator passes rows on without materialising its input. */
    default boolean streaming() {
        return true;
    }

    /**
     * The columns of input {@code input} (by name) this operator reads to produce the output columns
     * named in {@code output}. The default, every input column, is always correct; operators override it
     * to let projection pushdown drop what they do not read.
     */
    default Set<String> inputColumns(int input, Set<String> output) {
        return new LinkedHashSet<>(inputs().get(input).schema().names());
    }

    /**
     * Plans this operator runs besides its {@link #inputs()}: {@code toscalar(...)} and {@code in (query)}
     * arguments of its expressions. The column-usage analysis reads all of their columns.
     */
    default List<PlanNode> subplans() {
        return List.of();
    }
}
