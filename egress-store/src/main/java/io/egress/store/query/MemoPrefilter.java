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
    /** One conjunction per scan; the row passes when any passes. */
    private final Node[][] chains;

    public MemoPrefilter(RowPrefilter prefilter, Instant now) {
        this.prefilter = prefilter;
        this.now = now;
        List<List<BoundExpr>> source = prefilter.chains();
        chains = new Node[source.size()][];
        for (int i = 0; i < chains.length; i++) {
            chains[i] = source.get(i).stream().map(e -> node(e, prefilter.schema())).toArray(Node[]::new);
            for (BoundExpr e : source.get(i)) {
                Set<Integer> used = new HashSet<>();
                if (collectAll(e, used)) {
                    used.forEach(c -> readColumns.add(prefilter.schema().column(c).name()));
                } else {
                    columnsKnown = false;
                }
            }
        }
    }

    /**
     * A predicate tree: {@code and} / {@code or} split into their operands (isTrue(a and b) is
     * isTrue(a) && isTrue(b) under Kusto's null logic, and likewise for or), leaves compiled.
     */
    private sealed interface Node permits All, Any, Leaf {
    }

    private record All(Node[] parts) implements Node {
    }

    private record Any(Node[] parts) implements Node {
    }

    /** {@code column} >= 0: the one string column the leaf reads; its value is memoised (slot {@code slot}). */
    private record Leaf(RowExpr expr, int column, int slot) implements Node {
    }

    private int slots;
    private final Set<String> readColumns = new java.util.LinkedHashSet<>();
    private boolean columnsKnown = true;

    private Node node(BoundExpr expr, Schema schema) {
        if (expr instanceof BoundExpr.Logic logic) {
            Node left = node(logic.left(), schema);
            Node right = node(logic.right(), schema);
            return logic.and() ? new All(new Node[] {left, right}) : new Any(new Node[] {left, right});
        }
        int column = singleStringColumn(expr, schema);
        return new Leaf(ExprCompiler.compile(expr), column, column >= 0 ? slots++ : -1);
    }

    @Override
    public Schema schema() {
        return prefilter.schema();
    }

    @Override
    public java.util.Optional<Set<String>> columns() {
        return columnsKnown ? java.util.Optional.of(java.util.Collections.unmodifiableSet(readColumns))
                : java.util.Optional.empty();
    }

    /** How many leaves are evaluated once per distinct value. */
    public int memoised() {
        return slots;
    }

    @Override
    public Predicate<Object[]> newTest() {
        ExecContext ctx = new ExecContext(Map.of(), now);
        Memo[] memo = new Memo[slots];
        for (int i = 0; i < slots; i++) {
            memo[i] = new Memo();
        }
        return row -> {
            try {
                for (Node[] chain : chains) {
                    boolean all = true;
                    for (int j = 0; j < chain.length && all; j++) {
                        all = test(chain[j], memo, row, ctx);
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

    private static boolean test(Node node, Memo[] memo, Object[] row, ExecContext ctx) {
        if (node instanceof All all) {
            for (Node part : all.parts()) {
                if (!test(part, memo, row, ctx)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Any any) {
            for (Node part : any.parts()) {
                if (test(part, memo, row, ctx)) {
                    return true;
                }
            }
            return false;
        }
        Leaf leaf = (Leaf) node;
        if (leaf.slot() < 0) {
            return KqlValues.isTrue(leaf.expr().eval(row, ctx));
        }
        Object key = row[leaf.column()];
        Memo cache = memo[leaf.slot()];
        if (cache.off) {
            return KqlValues.isTrue(leaf.expr().eval(row, ctx));
        }
        Boolean known = cache.values.get(key);
        if (known != null) {
            cache.hits++;
            return known;
        }
        known = KqlValues.isTrue(leaf.expr().eval(row, ctx));
        if (key != null) {
            cache.values.put(key, known);
            // mostly distinct values (command lines): the cache costs more than it saves
            if (cache.values.size() >= Memo.PROBE && cache.hits < cache.values.size() / 4) {
                cache.off = true;
                cache.values = null;
            }
        }
        return known;
    }

    /** One leaf's cache: results by value identity, switched off when values rarely repeat. */
    private static final class Memo {
        static final int PROBE = 2048;
        IdentityHashMap<Object, Boolean> values = new IdentityHashMap<>();
        long hits;
        boolean off;
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

    /** Like {@link #collect} but for any deterministic tree, volatile calls included (they read no column). */
    private static boolean collectAll(BoundExpr expr, Set<Integer> columns) {
        if (expr instanceof BoundExpr.Call call) {
            for (BoundExpr arg : call.args()) {
                if (!collectAll(arg, columns)) {
                    return false;
                }
            }
            return true;
        }
        if (expr instanceof BoundExpr.Logic logic) {
            return collectAll(logic.left(), columns) && collectAll(logic.right(), columns);
        }
        if (expr instanceof BoundExpr.SetTest set) {
            return collectAll(set.left(), columns);
        }
        if (expr instanceof BoundExpr.Member member) {
            return collectAll(member.target(), columns);
        }
        if (expr instanceof BoundExpr.Index index) {
            return collectAll(index.target(), columns) && collectAll(index.index(), columns);
        }
        return collect(expr, columns);
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
