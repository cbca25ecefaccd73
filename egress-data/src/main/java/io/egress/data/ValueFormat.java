package io.egress.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Renders values as Kusto's {@code tostring()} does; output writers and string functions share it.
 * Null renders as the empty string.
 */
public final class ValueFormat {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private ValueFormat() {
    }

    public static String toKqlString(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return real(d);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return datetime(instant);
        }
        if (value instanceof Duration duration) {
            return timespan(duration);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof JsonNode node) {
            return node.isTextual() ? node.textValue() : node.toString();
        }
        return value.toString();
    }

    /** ISO-8601 UTC with a 7-digit fraction (100 ns ticks) when the value has one: {@code 2024-05-01T10:00:00.1230000Z}. */
    public static String datetime(Instant instant) {
        String base = SECONDS.format(instant);
        int nanos = instant.getNano();
        if (nanos == 0) {
            return base + "Z";
        }
        return base + "." + String.format("%07d", nanos / 100) + "Z";
    }

    /** Kusto's timespan text: {@code [-][d.]hh:mm:ss[.fffffff]}. */
    public static String timespan(Duration duration) {
        boolean negative = duration.isNegative();
        Duration abs = duration.abs();
        long days = abs.toDays();
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (days > 0) {
            out.append(days).append('.');
        }
        out.append(String.format("%02d:%02d:%02d", abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart()));
        int ticks = abs.toNanosPart() / 100;
        if (ticks != 0) {
            out.append('.').append(String.format("%07d", ticks));
        }
        return out.toString();
    }

    /**
     * Reals print as .NET's round-trip format does, which Kusto uses: whole values without {@code .0}
     * ({@code tostring(2.0) == "2"}), plain digits for 1e-5 ≤ |d| < 1e15, otherwise an exponent with a
     * sign and at least two digits ({@code 1E-05}, {@code 1.5E+20}).
     */
    public static String real(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        double abs = Math.abs(d);
        if (abs >= 1e-5 && abs < 1e15) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        String java = Double.toString(d); // d.dddE[-]n
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exponent = Integer.parseInt(java.substring(e + 1));
        String digits = Integer.toString(Math.abs(exponent));
        return mantissa + "E" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
    }
}
