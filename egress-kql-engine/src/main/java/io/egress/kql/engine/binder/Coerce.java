package io.egress.kql.engine.binder;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.data.io.JsonLinesWriter;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.syntax.text.Span;
import java.math.BigDecimal;

/** Fits a constant into a declared column type (datatable cells): numbers widen, others must match. */
final class Coerce {
    private Coerce() {
    }

    static Object constant(BoundExpr v, ScalarType type, Span span, Binder binder) {
        if (v instanceof BoundExpr.Invalid) {
            return ValueConverter.nullOf(type);
        }
        if (!(v instanceof BoundExpr.Const c)) {
            binder.report(BindDiagnostics.notConstant(span, "a datatable value"));
            return ValueConverter.nullOf(type);
        }
        Object value = c.value();
        if (value == null) {
            return ValueConverter.nullOf(type);
        }
        if (type.javaClass().isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            switch (type) {
                case LONG:
                    return n.longValue();
                case INT:
                    return n.intValue();
                case REAL:
                    return n.doubleValue();
                case DECIMAL:
                    return new BigDecimal(n.toString());
                default:
                    break;
            }
        }
        if (type == ScalarType.DYNAMIC) {
            return value instanceof JsonNode ? value : JsonLinesWriter.toJson(value);
        }
        binder.report(BindDiagnostics.typeMismatch(span, "value of type " + c.type().kqlName() + " in a column of type "
                + type.kqlName()));
        return ValueConverter.nullOf(type);
    }
}
