package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code join} and {@code lookup}: a hash join on equality keys (the right side is the build side).
 * {@code outLeft[i]}/{@code outRight[i]} say which left or right column feeds output column i (-1: not
 * that side). Null key values never match. Output order: left rows in order with their matches in
 * right order, then unmatched right rows (right/full outer, right anti/semi).
 */
public final class JoinOperator implements PlanNode {
    private final String label;
    private final PlanNode left;
    private final PlanNode right;
    private final JoinKind kind;
    private final List<BoundExpr> leftKeys;
    private final List<BoundExpr> rightKeys;
    private final RowExpr[] leftKeyExprs;
    private final RowExpr[] rightKeyExprs;
    private final Schema schema;
    private final int[] outLeft;
    private final int[] outRight;

    public JoinOperator(String label, PlanNode left, PlanNode right, JoinKind kind, List<BoundExpr> leftKeys,
                        List<BoundExpr> rightKeys, Schema schema, int[] outLeft, int[] outRight) {
        this.label = label;
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.leftKeyExprs = ExprCompiler.compileAll(leftKeys);
        this.rightKeyExprs = ExprCompiler.compileAll(rightKeys);
        this.schema = schema;
        this.outLeft = outLeft;
        this.outRight = outRight;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public String describe() {
        return label + " kind=" + kind.kql() + " on " + leftKeys + " == " + rightKeys + " -> " + schema;
    }

    private GroupKey key(RowExpr[] exprs, Object[] row, ExecContext ctx) {
        Object[] values = new Object[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            values[i] = exprs[i].eval(row, ctx);
        }
        return new GroupKey(values);
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Map<GroupKey, List<Integer>> build = new LinkedHashMap<>();
        List<Object[]> rightRows = right.open(ctx).drain();
        for (int i = 0; i < rightRows.size(); i++) {
            GroupKey k = key(rightKeyExprs, rightRows.get(i), ctx);
            if (!k.hasNull()) {
                build.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        boolean[] rightMatched = new boolean[rightRows.size()];
        List<Object[]> out = new ArrayList<>();
        Set<GroupKey> seenLeftKeys = kind == JoinKind.INNERUNIQUE ? new HashSet<>() : null;
        RowSource in = left.open(ctx);
        for (Object[] l = in.next(); l != null; l = in.next()) {
            GroupKey k = key(leftKeyExprs, l, ctx);
            List<Integer> matches = k.hasNull() ? null : build.get(k);
            if (seenLeftKeys != null && !seenLeftKeys.add(k)) {
                continue; // innerunique: one left row per key value
            }
            switch (kind) {
                case INNER, INNERUNIQUE, LEFTOUTER, FULLOUTER, RIGHTOUTER -> {
                    if (matches != null) {
                        for (int r : matches) {
                            rightMatched[r] = true;
                            out.add(combine(l, rightRows.get(r)));
                        }
                    } else if (kind == JoinKind.LEFTOUTER || kind == JoinKind.FULLOUTER) {
                        out.add(combine(l, null));
                    }
                }
                case LEFTSEMI -> {
                    if (matches != null) {
                        out.add(combine(l, null));
                    }
                }
                case LEFTANTI -> {
                    if (matches == null) {
                        out.add(combine(l, null));
                    }
                }
                case RIGHTSEMI, RIGHTANTI -> {
                    if (matches != null) {
                        for (int r : matches) {
                            rightMatched[r] = true;
                        }
                    }
                }
            }
        }
        if (kind == JoinKind.RIGHTOUTER || kind == JoinKind.FULLOUTER || kind == JoinKind.RIGHTANTI
                || kind == JoinKind.RIGHTSEMI) {
            boolean wantMatched = kind == JoinKind.RIGHTSEMI;
            for (int r = 0; r < rightRows.size(); r++) {
                if (rightMatched[r] == wantMatched) {
                    out.add(combine(null, rightRows.get(r)));
                }
            }
        }
        return RowSource.of(out);
    }

    private Object[] combine(Object[] l, Object[] r) {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            if (outLeft[i] >= 0 && l != null) {
                row[i] = l[outLeft[i]];
            } else if (outRight[i] >= 0 && r != null) {
                row[i] = r[outRight[i]];
            } else {
                row[i] = ValueConverter.nullOf(schema.column(i).type());
            }
        }
        return row;
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        PlanNode side = index == 0 ? left : right;
        int[] from = index == 0 ? outLeft : outRight;
        Set<String> in = ExprRefs.columns(index == 0 ? leftKeys : rightKeys, side.schema());
        for (int i = 0; i < from.length; i++) {
            if (from[i] >= 0 && output.contains(schema.column(i).name())) {
                in.add(side.schema().column(from[i]).name());
            }
        }
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        List<BoundExpr> all = new ArrayList<>(leftKeys);
        all.addAll(rightKeys);
        return ExprRefs.subplans(all);
    }
}
