package io.egress.kql.engine.exec;

import io.egress.data.Schema;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.plan.PlanNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code union}: the legs' rows one leg after another, each mapped onto the union schema
 * ({@code mapping[leg][outColumn]} is the leg's column index, or -1 for null). With {@code withsource}
 * the column at {@code sourceColumn} holds the leg's name. Streams.
 */
public final class UnionOperator implements PlanNode {
    private final List<PlanNode> legs;
    private final Schema schema;
    private final int[][] mapping;
    private final List<String> legNames;
    private final int sourceColumn;

    public UnionOperator(List<PlanNode> legs, Schema schema, int[][] mapping, List<String> legNames, int sourceColumn) {
        this.legs = List.copyOf(legs);
        this.schema = schema;
        this.mapping = mapping;
        this.legNames = List.copyOf(legNames);
        this.sourceColumn = sourceColumn;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return legs;
    }

    @Override
    public String describe() {
        return "Union" + (sourceColumn >= 0 ? " withsource=" + schema.column(sourceColumn).name() + " " + legNames : "")
                + " -> " + schema;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Object[] nulls = new Object[schema.size()];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = ValueConverter.nullOf(schema.column(i).type());
        }
        return new RowSource() {
            int leg = -1;
            RowSource current;

            @Override
            public Object[] next() {
                while (true) {
                    if (current != null) {
                        Object[] row = current.next();
                        if (row != null) {
                            return map(row, leg, nulls);
                        }
                    }
                    if (++leg >= legs.size()) {
                        return null;
                    }
                    current = legs.get(leg).open(ctx);
                }
            }
        };
    }

    private Object[] map(Object[] row, int leg, Object[] nulls) {
        int[] m = mapping[leg];
        Object[] out = new Object[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] >= 0 ? row[m[i]] : nulls[i];
        }
        if (sourceColumn >= 0) {
            out[sourceColumn] = legNames.get(leg);
        }
        return out;
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Schema leg = legs.get(index).schema();
        Set<String> in = new LinkedHashSet<>();
        int[] m = mapping[index];
        for (int i = 0; i < m.length; i++) {
            if (m[i] >= 0 && output.contains(schema.column(i).name())) {
                in.add(leg.column(m[i]).name());
            }
        }
        return in;
    }
}
