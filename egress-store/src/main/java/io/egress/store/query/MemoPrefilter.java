package io.egress.store.query;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.RowPrefilter;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.KqlValues;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.store.RowFilter;
import java.time.Instant;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The engine's {@link RowPrefilter} as a store {@link RowFilter}, with each conjunct that reads one
 * string column alone (such as {@code FileName has_any (...)}) evaluated once per distinct value: store
 * reads give equal strings one instance, so the cache is keyed by identity. Other conjuncts are
 * evaluated per row. An error while evaluating keeps the row, so the query meets and reports it.
 */
public final class MemoPrefilter implements RowFilter {
    private static final Set<String> VOLATILE = Set.of("rand", "new_guid", "newguid", "row_number", "prev", "next");

    private final RowPrefilter prefilter;
    private final Instant now;
    private final RowExpr[][] compiled;
    private final int[][] memoColumn;

    public MemoPrefilter(RowPrefilter prefilter, Instant now) {
        this.prefilter = prefilter;
        this.now = now;
        List<List<BoundExpr>> chains = prefilter.chains();
        compiled = new RowExpr[chains.size()][];
        memoColumn = new int[chains.size()][];
        for (int i = 0; i < compiled.length; i++) {
            List<BoundExpr> chain = chains.get(i);
            compiled[i] = ExprCompiler.compileAll(chain);
            memoColumn[i] = new int[chain.size()];
            for (int j = 0; j < chain.size(); j++) {
                memoColumn[i][j] = singleStringColumn(chain.get(j), prefilter.schema());
            }
        }
    }

    @Override
    public Schema schema() {
        return prefilter.schema();
    }

    /** How many conjuncts are evaluated once per distinct value. */
    public int memoised() {
        int n = 0;
        for (int[] chain : memoColumn) {
            for (int c : chain) {
                n += c >= 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public Predicate<Object[]> newTest() {
        ExecContext ctx = new ExecContext(Map.of(), now);
        @SuppressWarnings("unchecked")
        IdentityHashMap<Object, Boolean>[][] memo = new IdentityHashMap[compiled.length][];
        for (int i = 0; i < compiled.length; i++) {
            memo[i] = new IdentityHashMap[compiled[i].length];
            for (int j = 0; j < compiled[i].length; j++) {
                memo[i][j] = memoColumn[i][j] >= 0 ? new IdentityHashMap<>() : null;
            }
        }
        return row -> {
            try {
                for (int i = 0; i < compiled.length; i++) {
                    boolean all = true;
                    for (int j = 0; j < compiled[i].length && all; j++) {
                        all = test(compiled[i][j], memo[i][j], memoColumn[i][j], row, ctx);
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

    private static boolean test(RowExpr expr, IdentityHashMap<Object, Boolean> memo, int column, Object[] row,
                                ExecContext ctx) {
        if (memo == null) {
            return KqlValues.isTrue(expr.eval(row, ctx));
        }
        Object key = row[column];
        Boolean known = memo.get(key);
        if (known == null) {
            known = KqlValues.isTrue(expr.eval(row, ctx));
            if (key != null && memo.size() < 1_000_000) {
                memo.put(key, known);
            }
        }
        return known;
    }

    /** The index of the one string column {@code expr} reads, or -1 (several columns, or a node that is not a pure function of them). */
    static int singleStringColumn(BoundExpr expr, Schema schema) {
        Set<Integer> columns = new HashSet<>();
        if (!collect(expr, columns) || columns.size() != 1) {
            return -1;
        }
        int c = columns.iterator().next();
        return c < schema.size() && schema.column(c).type() == ScalarType.STRING ? c : -1;
    }

    private static boolean collect(BoundExpr expr, Set<Integer> columns) {
        if (expr instanceof BoundExpr.Const) {
            return true;
        }
        if (expr instanceof BoundExpr.Column c) {
            columns.add(c.index());
            return true;
        }
        if (expr instanceof BoundExpr.Call call) {
            if (VOLATILE.contains(call.name())) {
                return false;
            }
            for (BoundExpr arg : call.args()) {
                if (!collect(arg, columns)) {
                    return false;
                }
            }
            return true;
        }
        if (expr instanceof BoundExpr.SetTest set) {
            return collect(set.left(), columns);
        }
        if (expr instanceof BoundExpr.Logic logic) {
            return collect(logic.left(), columns) && collect(logic.right(), columns);
        }
        return false;
    }
}
