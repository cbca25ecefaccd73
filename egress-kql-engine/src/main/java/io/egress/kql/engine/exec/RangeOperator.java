package io.egress.kql.engine.exec;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code range x from a to b step s}: numbers, datetimes (timespan step) or timespans; inclusive of b. */
public final class RangeOperator implements PlanNode {
    private static final long MAX_ROWS = 10_000_000;
    private final Schema schema;
    private final BoundExpr from;
    private final BoundExpr to;
    private final BoundExpr step;

    public RangeOperator(Schema schema, BoundExpr from, BoundExpr to, BoundExpr step) {
        this.schema = schema;
        this.from = from;
        this.to = to;
        this.step = step;
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
        return "Range " + schema.column(0).name() + " from " + from + " to " + to + " step " + step;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Object[] none = new Object[0];
        Object a = ExprCompiler.compile(from).eval(none, ctx);
        Object b = ExprCompiler.compile(to).eval(none, ctx);
        Object s = ExprCompiler.compile(step).eval(none, ctx);
        ScalarType type = schema.column(0).type();
        long[] i = {0};
        return () -> {
            if (i[0] >= MAX_ROWS || a == null || b == null || s == null) {
                return null;
            }
            Object value = nth(type, a, s, i[0]);
            if (value == null || KqlValues.compare(value, b) * Integer.signum(sign(s)) > 0) {
                return null;
            }
            i[0]++;
            return new Object[] {value};
        };
    }

    private static int sign(Object step) {
        if (step instanceof Duration d) {
            return d.isNegative() ? -1 : d.isZero() ? 0 : 1;
        }
        double v = ((Number) step).doubleValue();
        return v < 0 ? -1 : v > 0 ? 1 : 0;
    }

    private static Object nth(ScalarType type, Object start, Object step, long n) {
        if (sign(step) == 0 && n > 0) {
            return null;
        }
        switch (type) {
            case DATETIME:
                return ((Instant) start).plus(((Duration) step).multipliedBy(n));
            case TIMESPAN:
                return ((Duration) start).plus(((Duration) step).multipliedBy(n));
            case REAL:
                return ((Number) start).doubleValue() + n * ((Number) step).doubleValue();
            case INT:
                return (int) (((Number) start).longValue() + n * ((Number) step).longValue());
            default:
                return ((Number) start).longValue() + n * ((Number) step).longValue();
        }
    }
}
