package io.egress.store.query;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.RowPrefilter;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.KqlValues;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.functions.operators.TermPredicates;
import io.egress.store.FilterBatch;
import io.egress.store.RowFilter;
import io.egress.store.format.TermIndex;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The engine's {@link RowPrefilter} as a store {@link RowFilter}, evaluated column by column over a
 * segment ({@link #keep}): each conjunct that reads one dictionary column alone (such as {@code FileName
 * has_any (...)} or {@code RemotePort in (21, 25)}) once per dictionary id, term predicates only on the entries the column's term index
 * leaves possible, time comparisons once per segment when its range decides them, other conjuncts per
 * row. An error while evaluating keeps the row, so the query meets and reports it.
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
            chains[i] = source.get(i).stream().map(e -> node(e, prefilter.schema()))
                    .sorted(java.util.Comparator.comparingInt(MemoPrefilter::cost)).toArray(Node[]::new);
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

    /**
     * {@code column} >= 0: the one dictionary column the leaf reads; its verdict is memoised per id (slot {@code slot}).
     * {@code needles} non-null: the leaf is a term predicate a term index can narrow.
     */
    private record Leaf(RowExpr expr, int column, int slot, List<String> needles, int[] reads, int rangeColumn,
                        boolean equality) implements Node {
    }

    private static final Set<String> ORDERINGS = Set.of("<", "<=", ">", ">=");

    /**
     * The rank of a conjunct in its chain (and of an operand of {@code and} / {@code or}), cheapest
     * first: 0 for a time comparison a segment's range can decide and for a term predicate whose every
     * needle the term index can look up; 1 for other tests
     * of one dictionary column's distinct values by equality or set membership; 2 for the rest (row by row,
     * regular expressions, needles the index cannot narrow). An {@code and} or {@code or} ranks as its
     * costliest operand, and at least 1. Reordering the conjuncts of an {@code and} keeps its result; it
     * can only change which rows meet an evaluation error, and such rows are kept, which a prefilter may
     * do. The sort is stable: equal ranks keep the query's order.
     */
    private static int cost(Node node) {
        if (node instanceof Leaf leaf) {
            if (leaf.rangeColumn() >= 0) {
                return 0;
            }
            if (leaf.slot() < 0) {
                return 2;
            }
            if (leaf.needles() != null) {
                return leaf.needles().stream().allMatch(TermIndex::canLookUp) ? 0 : 2;
            }
            return leaf.equality() ? 1 : 2;
        }
        Node[] parts = node instanceof All all ? all.parts() : ((Any) node).parts();
        int worst = 1;
        for (Node part : parts) {
            worst = Math.max(worst, cost(part));
        }
        return worst;
    }

    private static final Set<String> EQUALITIES = Set.of("==", "!=", "=~", "!~", "in", "!in", "in~", "!in~");

    /**
     * The datetime column of a comparison between it and a value that reads no column ({@code Timestamp >
     * ago(1d)}), or -1. Such a test is monotonic in the column, so if it holds (or fails) at both ends of
     * a segment's range it holds (or fails) for every row in between.
     */
    private static int comparedDatetime(BoundExpr expr) {
        if (!(expr instanceof BoundExpr.Call call) || !ORDERINGS.contains(call.name()) || call.args().size() != 2) {
            return -1;
        }
        for (int side = 0; side < 2; side++) {
            BoundExpr other = call.args().get(1 - side);
            Set<Integer> read = new HashSet<>();
            if (call.args().get(side) instanceof BoundExpr.Column c && c.type() == ScalarType.DATETIME
                    && collect(other, read) && read.isEmpty()) {
                return c.index();
            }
        }
        return -1;
    }

    private int slots;

    private Node node(BoundExpr expr, Schema schema) {
        if (expr instanceof BoundExpr.Logic logic) {
            Node left = node(logic.left(), schema);
            Node right = node(logic.right(), schema);
            // cheaper operand first: (regex and has_any) tests the regex only where has_any holds
            Node[] parts = cost(right) < cost(left) ? new Node[] {right, left} : new Node[] {left, right};
            return logic.and() ? new All(parts) : new Any(parts);
        }
        int column = singleDictionaryColumn(expr, schema);
        List<String> needles = TermPredicates.of(expr).filter(t -> t.column() == column)
                .map(TermPredicates.TermPredicate::needles).orElse(null);
        int[] reads = ExprRefs.rowLocal(expr)
                ? ExprRefs.columns(List.of(expr), schema).stream().mapToInt(schema::indexOf).sorted().toArray() : null;
        boolean equality = expr instanceof BoundExpr.SetTest set ? EQUALITIES.contains(set.op())
                : expr instanceof BoundExpr.Call call && EQUALITIES.contains(call.name());
        return new Leaf(ExprCompiler.compile(expr), column, column >= 0 ? slots++ : -1, needles, reads,
                comparedDatetime(expr), equality);
    }

    @Override
    public Schema schema() {
        return prefilter.schema();
    }

    /** How many leaves are evaluated once per distinct value. */
    public int memoised() {
        return slots;
    }

    /** Row by row: the engine's own test (the store reads use {@link #keep}). */
    @Override
    public Predicate<Object[]> newTest() {
        return prefilter.newTest(now);
    }

    /**
     * Column-wise: each scan's chain runs over the rows not kept yet, each conjunct over the rows the
     * previous ones passed, and each {@code or} operand over the rows the previous operands failed, as a
     * row-by-row test would short-circuit. A leaf over one dictionary column is evaluated once per
     * dictionary id. A row whose evaluation fails is kept.
     */
    @Override
    public void keep(FilterBatch batch, boolean[] keep) {
        Scratch scratch = SCRATCH.get();
        BatchRun run = new BatchRun(batch, new ExecContext(Map.of(), now), schema().size(), slots, scratch);
        int[] open = scratch.ints(batch.rows());
        int[] passing = scratch.ints(batch.rows());
        try {
            int size = 0;
            for (int r = 0; r < batch.rows(); r++) {
                if (!keep[r]) {
                    open[size++] = r;
                }
            }
            for (Node[] chain : chains) {
                System.arraycopy(open, 0, passing, 0, size);
                int passed = size;
                for (int j = 0; j < chain.length && passed > 0; j++) {
                    passed = run.filter(chain[j], passing, passed);
                }
                for (int i = 0; i < passed; i++) {
                    keep[passing[i]] = true;
                }
                size = run.dropKeptAndFailed(open, size, keep);
            }
            for (int r = 0; r < batch.rows(); r++) {
                keep[r] |= run.failed[r];
            }
        } finally {
            scratch.release(open);
            scratch.release(passing);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Row-index and flag arrays reused across the segments one thread filters: the filter works on index
     * lists as long as a segment, several per chain, and allocating them afresh per segment was a large
     * share of a store read's garbage.
     */
    private static final class Scratch {
        private final java.util.ArrayDeque<int[]> free = new java.util.ArrayDeque<>();
        private boolean[] failed = new boolean[0];
        private boolean[] mark = new boolean[0];

        /** An array of at least {@code length} ints (contents undefined). */
        int[] ints(int length) {
            int[] a = free.pollFirst();
            return a != null && a.length >= length ? a : new int[Math.max(length, 1024)];
        }

        void release(int[] a) {
            free.addFirst(a);
        }

        /** Cleared flags for {@code length} rows: which failed, and a mark. */
        boolean[] failed(int length) {
            if (failed.length < length) {
                failed = new boolean[length];
            } else {
                java.util.Arrays.fill(failed, 0, length, false);
            }
            return failed;
        }

        boolean[] mark(int length) {
            if (mark.length < length) {
                mark = new boolean[length];
            } else {
                java.util.Arrays.fill(mark, 0, length, false);
            }
            return mark;
        }
    }

    /** The state of one {@link #keep} call: scratch arrays and the per-id verdicts of memoised leaves. */
    private static final class BatchRun {
        private static final byte UNKNOWN = 0;
        private static final byte FALSE = 1;
        private static final byte TRUE = 2;

        final FilterBatch batch;
        final ExecContext ctx;
        final Object[] row;
        final boolean[] failed;
        final byte[][] verdicts;
        final boolean[] mark;

        final Scratch scratch;

        BatchRun(FilterBatch batch, ExecContext ctx, int width, int slots, Scratch scratch) {
            this.batch = batch;
            this.ctx = ctx;
            this.row = new Object[width];
            this.failed = scratch.failed(batch.rows());
            this.verdicts = new byte[slots][];
            this.mark = scratch.mark(batch.rows());
            this.scratch = scratch;
        }

        /** Keeps in {@code rows[0..size)} the rows passing {@code node} (order kept); returns how many. */
        int filter(Node node, int[] rows, int size) {
            if (node instanceof All all) {
                for (Node part : all.parts()) {
                    size = filter(part, rows, size);
                }
                return size;
            }
            if (node instanceof Any any) {
                int[] rest = scratch.ints(size);
                int[] tried = scratch.ints(size);
                try {
                    System.arraycopy(rows, 0, rest, 0, size);
                    int restSize = size;
                    for (Node part : any.parts()) {
                        System.arraycopy(rest, 0, tried, 0, restSize);
                        int passed = filter(part, tried, restSize);
                        for (int i = 0; i < passed; i++) {
                            mark[tried[i]] = true;
                        }
                        int k = 0;
                        for (int i = 0; i < restSize; i++) {
                            if (!mark[rest[i]] && !failed[rest[i]]) {
                                rest[k++] = rest[i];
                            }
                        }
                        restSize = k;
                    }
                } finally {
                    scratch.release(rest);
                    scratch.release(tried);
                }
                int k = 0;
                for (int i = 0; i < size; i++) {
                    if (mark[rows[i]]) {
                        mark[rows[i]] = false;
                        rows[k++] = rows[i];
                    }
                }
                return k;
            }
            return leaf((Leaf) node, rows, size);
        }

        private int leaf(Leaf leaf, int[] rows, int size) {
            Boolean whole = wholeSegment(leaf);
            if (whole != null) {
                return whole ? size : 0;
            }
            int[] ids = leaf.slot() < 0 ? null : batch.ids(leaf.column());
            int k = 0;
            if (ids == null) {
                int[] reads = leaf.reads();
                for (int i = 0; i < size; i++) {
                    int r = rows[i];
                    if (reads == null) {
                        batch.fill(r, row);
                    } else {
                        for (int c : reads) {
                            row[c] = batch.value(c, r);
                        }
                    }
                    if (eval(leaf, r)) {
                        rows[k++] = r;
                    }
                }
                return k;
            }
            byte[] known = verdicts[leaf.slot()];
            if (known == null) {
                known = newVerdicts(leaf);
                verdicts[leaf.slot()] = known;
            }
            for (int i = 0; i < size; i++) {
                int r = rows[i];
                byte v = known[ids[r]];
                if (v == UNKNOWN) {
                    row[leaf.column()] = batch.value(leaf.column(), r);
                    try {
                        v = KqlValues.isTrue(leaf.expr().eval(row, ctx)) ? TRUE : FALSE;
                    } catch (RuntimeException e) {
                        failed[r] = true; // not cached: each row with this value fails and is kept
                        continue;
                    }
                    known[ids[r]] = v;
                }
                if (v == TRUE) {
                    rows[k++] = r;
                }
            }
            return k;
        }

        /**
         * The leaf's verdict for every row, when the segment's range of its datetime column decides it
         * (true or false at both ends); else null.
         */
        private Boolean wholeSegment(Leaf leaf) {
            FilterBatch.Range range = leaf.rangeColumn() < 0 ? null : batch.range(leaf.rangeColumn());
            if (range == null) {
                return null;
            }
            try {
                row[leaf.rangeColumn()] = range.min();
                Object atMin = leaf.expr().eval(row, ctx);
                row[leaf.rangeColumn()] = range.max();
                Object atMax = leaf.expr().eval(row, ctx);
                return atMin instanceof Boolean b && b.equals(atMax) ? b : null;
            } catch (RuntimeException e) {
                return null; // let the rows meet the error
            }
        }

        /** Verdicts per id, all unknown; or, with a term index, false for every id the index rules out. */
        private byte[] newVerdicts(Leaf leaf) {
            byte[] known = new byte[batch.idCount(leaf.column())];
            TermIndex terms = leaf.needles() == null ? null : batch.terms(leaf.column());
            BitSet candidates = terms == null ? null : terms.candidates(leaf.needles());
            if (candidates != null) {
                java.util.Arrays.fill(known, FALSE);
                for (int id = candidates.nextSetBit(0); id >= 0 && id < known.length; id = candidates.nextSetBit(id + 1)) {
                    known[id] = UNKNOWN;
                }
            }
            return known;
        }

        private boolean eval(Leaf leaf, int r) {
            try {
                return KqlValues.isTrue(leaf.expr().eval(row, ctx));
            } catch (RuntimeException e) {
                failed[r] = true;
                return false;
            }
        }

        /** Removes from {@code open[0..size)} the rows now kept or failed; returns the new size. */
        int dropKeptAndFailed(int[] open, int size, boolean[] keep) {
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (!keep[open[i]] && !failed[open[i]]) {
                    open[k++] = open[i];
                }
            }
            return k;
        }
    }

    /**
     * The index of the one column {@code expr} reads when that column may be dictionary-encoded (string;
     * int and long of few distinct values), or -1 (several columns, another type, or a node that is not a
     * pure function of them). A segment whose block of the column has no dictionary is tested row by row.
     */
    static int singleDictionaryColumn(BoundExpr expr, Schema schema) {
        Set<Integer> columns = new HashSet<>();
        if (!collect(expr, columns) || columns.size() != 1) {
            return -1;
        }
        int c = columns.iterator().next();
        if (c >= schema.size()) {
            return -1;
        }
        ScalarType type = schema.column(c).type();
        return type == ScalarType.STRING || type == ScalarType.INT || type == ScalarType.LONG ? c : -1;
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
