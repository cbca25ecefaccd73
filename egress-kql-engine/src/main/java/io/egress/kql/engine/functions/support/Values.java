package io.egress.kql.engine.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.egress.data.ValueFormat;
import io.egress.kql.engine.functions.datetime.KqlDateTimes;
import io.egress.kql.engine.functions.datetime.KqlTimespans;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Null-safe conversions between the {@link io.egress.data.ScalarType} value representations. */
public final class Values {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Ticks from 0001-01-01 (Kusto's and .NET's zero) to 1970-01-01. */
    public static final long EPOCH_TICKS = 621_355_968_000_000_000L;
    /** 1 tick = 100 ns, Kusto's timespan and datetime resolution. */
    public static final long NANOS_PER_TICK = 100;

    private Values() {
    }

    /** Kusto's {@code tostring()}: null → "". */
    public static String str(Object v) {
        return ValueFormat.toKqlString(v);
    }

    /** A JSON value as the scalar it holds (number, string, bool); arrays and objects stay JSON; JSON null → null. */
    public static Object unwrap(Object v) {
        if (v instanceof JsonNode n) {
            if (n.isNull() || n.isMissingNode()) {
                return null;
            }
            if (n.isTextual()) {
                return n.textValue();
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isIntegralNumber()) {
                return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            if (n.isNumber()) {
                return n.doubleValue();
            }
            return n;
        }
        return v;
    }

    public static Long toLong(Object v) {
        v = unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : (long) d.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Instant i) {
            return ticksSinceEpoch(i) + EPOCH_TICKS; // docs: a datetime is ticks since 0001-01-01
        }
        if (v instanceof Duration d) {
            return ticks(d);
        }
        if (v instanceof String s) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                Double d = parseDouble(t);
                return d == null || d.isNaN() || d.isInfinite() ? null : (long) d.doubleValue();
            }
        }
        return null;
    }

    public static Integer toInt(Object v) {
        Long l = toLong(v);
        return l == null ? null : (int) l.longValue();
    }

    public static Double toReal(Object v) {
        v = unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof Duration d) {
            return (double) ticks(d);
        }
        if (v instanceof Instant i) {
            return (double) (ticksSinceEpoch(i) + EPOCH_TICKS);
        }
        if (v instanceof String s) {
            return parseDouble(s.trim());
        }
        return null;
    }

    public static BigDecimal toDecimal(Object v) {
        v = unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double parseDouble(String t) {
        if (t.isEmpty()) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan":
                return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char last = lower.charAt(lower.length() - 1);
        if (last == 'd' || last == 'f') {
            return null; // Java would accept "1d"; Kusto does not
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Kusto's {@code tobool}: true/false (any case), or a number (non-zero is true). */
    public static Boolean toBool(Object v) {
        v = unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
            Long l = toLong(t);
            return l == null ? null : l != 0;
        }
        return null;
    }

    public static Instant toDatetime(Object v) {
        v = unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof String s) {
            return KqlDateTimes.parse(s).orElse(null);
        }
        if (v instanceof Long || v instanceof Integer) {
            return fromTicksSinceEpoch(((Number) v).longValue() - EPOCH_TICKS);
        }
        return null;
    }

    public static Duration toTimespan(Object v) {
        v = unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof String s) {
            return KqlTimespans.parse(s).orElse(null);
        }
        if (v instanceof Long || v instanceof Integer) {
            return fromTicks(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : fromTicks((long) d.doubleValue());
        }
        return null;
    }

    public static UUID toGuid(Object v) {
        v = unwrap(v);
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s) {
            try {
                String t = s.trim();
                if (t.length() == 32 && t.indexOf('-') < 0) {
                    t = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-"
                            + t.substring(16, 20) + "-" + t.substring(20);
                }
                if (t.length() != 36) {
                    return null;
                }
                return UUID.fromString(t);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Any value as JSON: strings that hold JSON are parsed (as {@code todynamic} does), other strings stay text. */
    public static JsonNode toDynamic(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof String s) {
            return parseJson(s);
        }
        return scalarToJson(v);
    }

    /** Kusto's {@code parse_json}: invalid JSON yields the string itself as a JSON string. */
    public static JsonNode parseJson(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return NODES.textNode(s);
        }
        try {
            JsonNode n = JSON.readTree(t);
            return n == null ? NODES.textNode(s) : n;
        } catch (Exception e) {
            return NODES.textNode(s);
        }
    }

    /** A scalar value as a JSON node (no string parsing). */
    public static JsonNode scalarToJson(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i.longValue());
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof BigDecimal b) {
            return NODES.numberNode(b);
        }
        return NODES.textNode(str(v));
    }

    public static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(unwrap(v));
    }

    public static long ticks(Duration d) {
        return d.getSeconds() * 10_000_000L + d.getNano() / NANOS_PER_TICK;
    }

    public static Duration fromTicks(long ticks) {
        return Duration.ofSeconds(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * NANOS_PER_TICK);
    }

    public static long ticksSinceEpoch(Instant i) {
        return i.getEpochSecond() * 10_000_000L + i.getNano() / NANOS_PER_TICK;
    }

    public static Instant fromTicksSinceEpoch(long ticks) {
        return Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * NANOS_PER_TICK);
    }

    /** Converts a value to the representation of {@code type} (Kusto's to* conversions; strings never null). */
    public static Object coerce(io.egress.data.ScalarType type, Object v) {
        return switch (type) {
            case BOOL -> toBool(v);
            case INT -> toInt(v);
            case LONG -> toLong(v);
            case REAL -> toReal(v);
            case DECIMAL -> toDecimal(v);
            case STRING -> str(v);
            case DATETIME -> toDatetime(v);
            case TIMESPAN -> toTimespan(v);
            case GUID -> toGuid(v);
            case DYNAMIC -> v == null ? null : v instanceof JsonNode ? v : scalarToJson(v);
        };
    }

    /** A string fit for a term/substring operator: any value via tostring. */
    public static String text(Object v) {
        return v instanceof String s ? s : str(v);
    }
}
