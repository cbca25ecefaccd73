package io.egress.kql.engine.plan;

import io.egress.data.Schema;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.RowSource;
import java.util.List;

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
}
