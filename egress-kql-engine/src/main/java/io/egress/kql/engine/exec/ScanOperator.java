package io.egress.kql.engine.exec;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.ValueFormat;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.plan.PlanNode;
import java.util.List;

/**
 * Reads an input table by name. When the table given at run time has another column order or types
 * than the bound schema, columns are matched by name and converted; absent columns are null. A
 * table not given at all is empty.
 */
public final class ScanOperator implements PlanNode {
    private final String table;
    private final Schema schema;

    public ScanOperator(String table, Schema schema) {
        this.table = table;
        this.schema = schema;
    }

    public String table() {
        return table;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Scan " + table;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Table t = ctx.table(table);
        if (t == null) {
            return () -> null;
        }
        if (t.schema().equals(schema)) {
            return RowSource.of(t.rows());
        }
        int[] from = new int[schema.size()];
        boolean[] convert = new boolean[schema.size()];
        for (int i = 0; i < from.length; i++) {
            Column want = schema.column(i);
            from[i] = t.schema().indexOf(want.name());
            convert[i] = from[i] >= 0 && t.schema().column(from[i]).type() != want.type();
        }
        var it = t.rows().iterator();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            Object[] in = it.next();
            Object[] out = new Object[from.length];
            for (int i = 0; i < from.length; i++) {
                ScalarType type = schema.column(i).type();
                if (from[i] < 0) {
                    out[i] = ValueConverter.nullOf(type);
                } else if (!convert[i]) {
                    out[i] = in[from[i]];
                } else {
                    out[i] = convert(in[from[i]], type);
                }
            }
            return out;
        };
    }

    private static Object convert(Object value, ScalarType type) {
        if (value == null) {
            return ValueConverter.nullOf(type);
        }
        if (type == ScalarType.LONG && value instanceof Integer i) {
            return i.longValue();
        }
        if (type == ScalarType.REAL && value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return ValueConverter.fromText(ValueFormat.toKqlString(value), type);
        } catch (ValueConverter.BadValue e) {
            return ValueConverter.nullOf(type);
        }
    }
}
