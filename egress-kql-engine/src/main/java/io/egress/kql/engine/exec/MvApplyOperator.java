package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.kql.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv-apply}: for each input row, the sub-query runs over that row's expansion (the expansion reads
 * the row through {@link RowInputOperator}); each sub-query row, joined to the input row's other
 * columns, is an output row.
 */
public final class MvApplyOperator implements PlanNode {
    private final PlanNode input;
    private final RowInputOperator current;
    private final PlanNode subquery;
    private final Schema schema;
    private final int[] fromInput;
    private final int[] fromSub;

    /** Output: the input columns the sub-query does not also produce, then the sub-query's columns. */
    public MvApplyOperator(PlanNode input, RowInputOperator current, PlanNode subquery) {
        this.input = input;
        this.current = current;
        this.subquery = subquery;
        List<io.egress.data.Column> cols = new ArrayList<>();
        List<Integer> in = new ArrayList<>();
        List<Integer> sub = new ArrayList<>();
        Schema s = subquery.schema();
        for (int i = 0; i < input.schema().size(); i++) {
            if (s.indexOf(input.schema().column(i).name()) < 0) {
                cols.add(input.schema().column(i));
                in.add(i);
                sub.add(-1);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            cols.add(s.column(i));
            in.add(-1);
            sub.add(i);
        }
        this.schema = new Schema(cols);
        this.fromInput = in.stream().mapToInt(Integer::intValue).toArray();
        this.fromSub = sub.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input, subquery);
    }

    @Override
    public String describe() {
        return "MvApply";
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        List<Object[]> pending = new ArrayList<>();
        int[] at = {0};
        return () -> {
            while (at[0] >= pending.size()) {
                pending.clear();
                at[0] = 0;
                Object[] row = in.next();
                if (row == null) {
                    return null;
                }
                ctx.put(current, List.<Object[]>of(row));
                for (Object[] subRow : subquery.open(ctx).drain()) {
                    Object[] out = new Object[fromInput.length];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = fromInput[i] >= 0 ? row[fromInput[i]] : subRow[fromSub[i]];
                    }
                    pending.add(out);
                }
            }
            return pending.get(at[0]++);
        };
    }
}
