package io.egress.kql.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ValueFormat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** Kusto value semantics the engine owns: ordering for sort, truthiness, numeric normalisation for keys. */
public final class KqlValues {
    private KqlValues() {
    }

    /** Kusto "null" for sorting: Java null, or a NaN real (null and NaN sort together). Empty strings are values. */
    public static boolean isNullForSort(Object v) {
        return v == null || (v instanceof Double d && d.isNaN());
    }

    /** Orders two non-null values of the same column (strings ordinally, case-sensitive). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            if (a instanceof Double || b instanceof Double || a instanceof BigDecimal || b instanceof BigDecimal) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        if (a instanceof JsonNode || b instanceof JsonNode) {
            return ValueFormat.toKqlString(a).compareTo(ValueFormat.toKqlString(b));
        }
        return ValueFormat.toKqlString(a).compareTo(ValueFormat.toKqlString(b));
    }

    /** A comparator for one sort key with Kusto's null placement. */
    public static Comparator<Object> sortOrder(boolean descending, boolean nullsFirst) {
        return (a, b) -> {
            boolean an = isNullForSort(a);
            boolean bn = isNullForSort(b);
            if (an || bn) {
                if (an && bn) {
                    return 0;
                }
                return an == nullsFirst ? -1 : 1;
            }
            int c = compare(a, b);
            return descending ? -c : c;
        };
    }

    /** Integers widen to long so int and long keys of equal value join and group together. */
    public static Object normalizeKey(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Double d && d == 0.0) {
            return 0.0; // -0.0 and 0.0 are one key
        }
        return v;
    }

    /** True for bool true and for a dynamic JSON true (where todynamic(x).flag). */
    public static boolean isTrue(Object v) {
        return v instanceof Boolean b ? b : v instanceof JsonNode n && n.isBoolean() && n.booleanValue();
    }

    /** Kusto's idea of "empty": null, or an empty string. */
    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty());
    }

    /** Converts a count-like constant (take 10, top 5) to a long. */
    public static long toCount(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }

    static boolean isSimple(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Instant
                || v instanceof Duration || v instanceof UUID;
    }
}
