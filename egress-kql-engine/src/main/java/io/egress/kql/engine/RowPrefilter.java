package io.egress.kql.engine;

import io.egress.data.Schema;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.KqlValues;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.functions.operators.TermPredicates;
import io.egress.kql.engine.functions.terms.TermMatcher;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filter pushdown into a reader: the {@code where} clauses that sit directly on every scan of one table,
 * as "scan 1's filters all pass, or scan 2's all pass, or ...". A row failing this test is dropped by
 * every scan's filters, so a reader may leave it out of the table and the query's result does not
 * change. Rows are in the layout of {@link #schema()} (the catalog schema of the table); only the
 * columns of {@link Compilation#referencedColumns()} need values.
 *
 * <p>The case-insensitive {@code has}, {@code has_any} and {@code has_all} tests of one column share one
 * term matcher: one scan of a value answers all of them (the seed's rules test a command line against
 * three lists), and a value that is the same instance as the previous row's is not scanned again.
 */
public final class RowPrefilter {
    private final String table;
    private final Schema schema;
    private final List<List<BoundExpr>> chains;
    private final Node[][] compiled;
    private final TermMatcher[] groups;

    RowPrefilter(String table, Schema schema, List<List<BoundExpr>> chains) {
        this.table = table;
        this.schema = schema;
        this.chains = chains.stream().map(List::copyOf).toList();
        Map<Integer, List<String>> needlesByColumn = new LinkedHashMap<>();
        chains.forEach(chain -> chain.forEach(e -> collectNeedles(e, needlesByColumn)));
        Map<Integer, Integer> groupOf = new LinkedHashMap<>();
        List<TermMatcher> matchers = new ArrayList<>();
        needlesByColumn.forEach((column, needles) -> {
            groupOf.put(column, matchers.size());
            matchers.add(TermMatcher.compile(needles, false));
        });
        this.groups = matchers.toArray(new TermMatcher[0]);
        this.compiled = new Node[chains.size()][];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = chains.get(i).stream().map(e -> node(e, groupOf)).toArray(Node[]::new);
        }
    }

    public String table() {
        return table;
    }

    /** The row layout the test reads. */
    public Schema schema() {
        return schema;
    }

    /** The names of the columns the test reads (a reader may leave the others empty until a row passes). */
    public Set<String> columnsRead() {
        return ExprRefs.columns(chains.stream().flatMap(List::stream).toList(), schema);
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
        Scanned[] scanned = new Scanned[groups.length];
        for (int g = 0; g < groups.length; g++) {
            scanned[g] = new Scanned(groups[g].needles().size());
        }
        Node[][] nodes = compiled;
        return row -> {
            try {
                for (Node[] chain : nodes) {
                    boolean all = true;
                    for (Node n : chain) {
                        if (!n.test(row, ctx, scanned)) {
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

    /** The needles of the case-insensitive term tests in {@code expr}, by column. */
    private static void collectNeedles(BoundExpr expr, Map<Integer, List<String>> out) {
        if (expr instanceof BoundExpr.Logic logic) {
            collectNeedles(logic.left(), out);
            collectNeedles(logic.right(), out);
            return;
        }
        TermPredicates.of(expr).filter(RowPrefilter::fusable)
                .ifPresent(t -> out.computeIfAbsent(t.column(), c -> new ArrayList<>()).addAll(t.needles()));
    }

    private static boolean fusable(TermPredicates.TermPredicate t) {
        return !t.caseSensitive() && !t.needles().isEmpty() && t.needles().stream().noneMatch(String::isEmpty);
    }

    /** {@code and} / {@code or} split into their operands (under Kusto's null logic isTrue distributes over them). */
    private Node node(BoundExpr expr, Map<Integer, Integer> groupOf) {
        if (expr instanceof BoundExpr.Logic logic) {
            Node left = node(logic.left(), groupOf);
            Node right = node(logic.right(), groupOf);
            return logic.and() ? (row, ctx, s) -> left.test(row, ctx, s) && right.test(row, ctx, s)
                    : (row, ctx, s) -> left.test(row, ctx, s) || right.test(row, ctx, s);
        }
        RowExpr compiled = ExprCompiler.compile(expr);
        Node plain = (row, ctx, s) -> KqlValues.isTrue(compiled.eval(row, ctx));
        TermPredicates.TermPredicate term = TermPredicates.of(expr).filter(RowPrefilter::fusable).orElse(null);
        if (term == null) {
            return plain;
        }
        int group = groupOf.get(term.column());
        TermMatcher matcher = groups[group];
        int[] keys = term.needles().stream().mapToInt(matcher::keyIndex).toArray();
        int column = term.column();
        boolean all = term.all();
        return (row, ctx, scanned) -> {
            if (!(row[column] instanceof String value)) {
                return plain.test(row, ctx, scanned);
            }
            boolean[] seen = scanned[group].of(matcher, value);
            for (int k : keys) {
                if (seen[k] != all) {
                    return !all;
                }
            }
            return all;
        };
    }

    /** One row's test: a conjunct or a part of one. */
    private interface Node {
        boolean test(Object[] row, ExecContext ctx, Scanned[] scanned);
    }

    /** The keys of one group's matcher found in the last value scanned (per thread). */
    private static final class Scanned {
        private final boolean[] seen;
        private String last;

        Scanned(int keys) {
            this.seen = new boolean[keys];
        }

        boolean[] of(TermMatcher matcher, String value) {
            if (value != last) {
                Arrays.fill(seen, false);
                matcher.matchEach(value, seen);
                last = value;
            }
            return seen;
        }
    }
}
