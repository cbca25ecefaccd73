package io.egress.kql.engine;

import io.egress.data.Schema;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.KqlValues;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.plan.BoundExpr;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Filter pushdown into a reader: the {@code where} clauses that sit directly on every scan of one table,
 * as "scan 1's filters all pass, or scan 2's all pass, or ...". A row failing this test is dropped by
 * every scan's filters, so a reader may leave it out of the table and the query's result does not
 * change. Rows are in the layout of {@link #schema()} (the catalog schema of the table); only the
 * columns of {@link Compilation#referencedColumns()} need values.
 */
public final class RowPrefilter {
    private final String table;
    private final Schema schema;
    private final List<List<BoundExpr>> chains;
    private final RowExpr[][] compiled;

    RowPrefilter(String table, Schema schema, List<List<BoundExpr>> chains) {
        this.table = table;
        this.schema = schema;
        this.chains = chains.stream().map(List::copyOf).toList();
        this.compiled = new RowExpr[chains.size()][];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = ExprCompiler.compileAll(chains.get(i));
        }
    }

    public String table() {
        return table;
    }

    /** The row layout the test reads. */
    public Schema schema() {
        return schema;
    }

    /** The filters, one list (a conjunction) per scan. */
    public List<List<BoundExpr>> chains() {
        return chains;
    }

    /**
     * A new test for one thread (tests are not thread-safe; make one per reader thread). An error while
     * evaluating keeps the row, so the query itself meets and reports it.
     */
    public Predicate<Object[]> newTest(Instant now) {
        ExecContext ctx = new ExecContext(Map.of(), Objects.requireNonNull(now, "now"));
        RowExpr[][] exprs = compiled;
        return row -> {
            try {
                for (RowExpr[] chain : exprs) {
                    boolean all = true;
                    for (RowExpr e : chain) {
                        if (!KqlValues.isTrue(e.eval(row, ctx))) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        return true;
                    }
                }
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        };
    }

    @Override
    public String toString() {
        return table + ": " + chains;
    }
}
