package io.egress.kql.engine.functions.operators;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.support.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Ordering and equality across Kusto values. Numbers compare across int/long/real/decimal; strings
 * compare ordinally (case-sensitive); a string compared with a datetime or timespan is parsed; dynamic
 * values are unwrapped to the scalar they hold.
 */
public final class Compare {
    private Compare() {
    }

    /** Whether the binder should accept a comparison between these types. */
    public static boolean comparable(ScalarType a, ScalarType b) {
        if (a == b || a == ScalarType.DYNAMIC || b == ScalarType.DYNAMIC) {
            return true;
        }
        if (numericLike(a) && numericLike(b)) {
            return true;
        }
        return (a == ScalarType.STRING && textLike(b)) || (b == ScalarType.STRING && textLike(a));
    }

    private static boolean numericLike(ScalarType t) {
        return t.isNumeric() || t == ScalarType.BOOL;
    }

    private static boolean textLike(ScalarType t) {
        return t == ScalarType.DATETIME || t == ScalarType.TIMESPAN || t == ScalarType.GUID;
    }

    /** Sign of a−b, or null when either is null or they cannot be ordered. */
    public static Integer compare(Object a, Object b) {
        a = Values.unwrap(a);
        b = Values.unwrap(b);
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return Integer.signum(sa.compareTo(sb));
        }
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(num(a), num(b));
        }
        if (a instanceof Instant || b instanceof Instant) {
            Instant ia = Values.toDatetime(a instanceof Instant ? a : stringOrNull(a));
            Instant ib = Values.toDatetime(b instanceof Instant ? b : stringOrNull(b));
            return ia == null || ib == null ? null : Integer.signum(ia.compareTo(ib));
        }
        if (a instanceof Duration || b instanceof Duration) {
            Duration da = a instanceof Duration d ? d : a instanceof String ? Values.toTimespan(a) : null;
            Duration db = b instanceof Duration d ? d : b instanceof String ? Values.toTimespan(b) : null;
            return da == null || db == null ? null : Integer.signum(da.compareTo(db));
        }
        if (a instanceof UUID || b instanceof UUID) {
            UUID ua = Values.toGuid(a);
            UUID ub = Values.toGuid(b);
            return ua == null || ub == null ? null : Integer.signum(ua.toString().compareTo(ub.toString()));
        }
        if (a instanceof String sa && isNumber(b)) {
            Double d = Values.toReal(sa);
            return d == null ? null : compareNumbers(d, num(b));
        }
        if (b instanceof String sb && isNumber(a)) {
            Double d = Values.toReal(sb);
            return d == null ? null : compareNumbers(num(a), d);
        }
        return null;
    }

    private static Object stringOrNull(Object v) {
        return v instanceof String ? v : null;
    }

    /** Kusto {@code ==}: null == null is null, null == x is false; incomparable values are unequal. */
    public static Boolean eq(Object a, Object b) {
        a = Values.unwrap(a);
        b = Values.unwrap(b);
        if (a == null || b == null) {
            return a == null && b == null ? null : Boolean.FALSE;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.equals(sb);
        }
        if (a instanceof com.fasterxml.jackson.databind.JsonNode || b instanceof com.fasterxml.jackson.databind.JsonNode) {
            return Values.str(a).equals(Values.str(b));
        }
        Integer c = compare(a, b);
        return c != null && c == 0;
    }

    /** Kusto {@code !=}: null != null is null, null != x is true. */
    public static Boolean ne(Object a, Object b) {
        Boolean e = eq(a, b);
        return e == null ? null : !e;
    }

    static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    static Number num(Object v) {
        return v instanceof Boolean b ? (b ? 1L : 0L) : (Number) v;
    }

    public static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            BigDecimal da = Values.toDecimal(a);
            BigDecimal db = Values.toDecimal(b);
            if (da != null && db != null) {
                return Integer.signum(da.compareTo(db));
            }
        }
        return Integer.signum(Double.compare(a.doubleValue(), b.doubleValue()));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer;
    }
}
