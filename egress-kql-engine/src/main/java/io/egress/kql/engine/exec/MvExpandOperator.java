package io.egress.kql.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.ExprRefs;
import io.egress.kql.engine.plan.PlanNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mv-expand}: each array element (or bag property) of the expanded expressions becomes a row;
 * several expressions expand in parallel (missing values null). A null value gives one row with null,
 * an empty array or bag gives none. {@code outFrom[i]} is the input column feeding output column i,
 * or -1 when it is an expanded or index column.
 */
public final class MvExpandOperator implements PlanNode {
    private final PlanNode input;
    private final Schema schema;
    private final int[] outFrom;
    private final List<BoundExpr> exprs;
    private final RowExpr[] compiled;
    private final int[] targets;
    private final ScalarType[] types;
    private final boolean bagAsArray;
    private final int indexColumn;
    private final long limit;

    public MvExpandOperator(PlanNode input, Schema schema, int[] outFrom, List<BoundExpr> exprs, int[] targets,
                            ScalarType[] types, boolean bagAsArray, int indexColumn, long limit) {
        this.input = input;
        this.schema = schema;
        this.outFrom = outFrom;
        this.exprs = List.copyOf(exprs);
        this.compiled = ExprCompiler.compileAll(exprs);
        this.targets = targets;
        this.types = types;
        this.bagAsArray = bagAsArray;
        this.indexColumn = indexColumn;
        this.limit = limit;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "MvExpand " + exprs + (bagAsArray ? " kind=array" : "") + " -> " + schema;
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
                expand(row, ctx, pending);
            }
            return pending.get(at[0]++);
        };
    }

    private void expand(Object[] row, ExecContext ctx, List<Object[]> out) {
        List<List<Object>> lists = new ArrayList<>(compiled.length);
        int n = 0;
        for (RowExpr e : compiled) {
            List<Object> items = items(e.eval(row, ctx));
            lists.add(items);
            n = Math.max(n, items.size());
        }
        n = (int) Math.min(n, limit);
        for (int i = 0; i < n; i++) {
            Object[] o = new Object[schema.size()];
            for (int c = 0; c < o.length; c++) {
                o[c] = outFrom[c] >= 0 ? row[outFrom[c]] : null;
            }
            for (int k = 0; k < targets.length; k++) {
                List<Object> items = lists.get(k);
                o[targets[k]] = i < items.size() ? cast(items.get(i), types[k]) : null;
            }
            if (indexColumn >= 0) {
                o[indexColumn] = (long) i;
            }
            out.add(o);
        }
    }

    private List<Object> items(Object value) {
        List<Object> items = new ArrayList<>();
        if (value == null) {
            items.add(null);
        } else if (value instanceof JsonNode node && node.isArray()) {
            node.forEach(items::add);
        } else if (value instanceof JsonNode node && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (bagAsArray) {
                    items.add(JsonNodeFactory.instance.arrayNode().add(f.getKey()).add(f.getValue()));
                } else {
                    items.add(JsonNodeFactory.instance.objectNode().set(f.getKey(), f.getValue()));
                }
            }
        } else {
            items.add(value);
        }
        return items;
    }

    /** {@code to typeof(T)}: a cast only; elements that do not fit become null. */
    static Object cast(Object v, ScalarType type) {
        if (v instanceof JsonNode node && node.isNull()) {
            return null;
        }
        if (type == ScalarType.DYNAMIC || v == null) {
            return v;
        }
        if (!(v instanceof JsonNode node)) {
            return type.javaClass().isInstance(v) ? v : null;
        }
        switch (type) {
            case STRING:
                return node.isTextual() ? node.textValue() : node.isValueNode() ? node.asText() : node.toString();
            case LONG:
                return node.isIntegralNumber() ? node.longValue() : null;
            case INT:
                return node.isIntegralNumber() ? node.intValue() : null;
            case REAL:
                return node.isNumber() ? node.doubleValue() : null;
            case BOOL:
                return node.isBoolean() ? node.booleanValue() : null;
            case DATETIME:
                return node.isTextual() ? io.egress.data.io.ValueConverter.parseDateTime(node.textValue()).orElse(null) : null;
            case TIMESPAN:
                return node.isTextual() ? io.egress.data.io.ValueConverter.parseTimespan(node.textValue()).orElse(null) : null;
            default:
                return null;
        }
    }

    static boolean isTemporal(Object v) {
        return v instanceof Instant || v instanceof Duration;
    }

    @Override
    public Set<String> inputColumns(int index, Set<String> output) {
        Set<String> in = ExprRefs.columns(exprs, input.schema()); // the expansion decides the row count
        for (int i = 0; i < outFrom.length; i++) {
            if (outFrom[i] >= 0 && output.contains(schema.column(i).name())) {
                in.add(input.schema().column(outFrom[i]).name());
            }
        }
        return in;
    }

    @Override
    public List<PlanNode> subplans() {
        return ExprRefs.subplans(exprs);
    }
}
