package io.egress.kql.engine.binder;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.data.io.ValueConverter;
import io.egress.kql.syntax.tree.LiteralKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Literal values: the type of each literal kind, datetime/timespan/guid/dynamic text decoding. */
final class Literals {
    private static final java.util.regex.Pattern US_DATE =
            java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(\\s+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

    private Literals() {
    }

    static ScalarType type(LiteralKind kind) {
        return switch (kind) {
            case STRING -> ScalarType.STRING;
            case LONG -> ScalarType.LONG;
            case INT -> ScalarType.INT;
            case REAL -> ScalarType.REAL;
            case BOOL -> ScalarType.BOOL;
            case DECIMAL -> ScalarType.DECIMAL;
            case DATETIME -> ScalarType.DATETIME;
            case TIMESPAN -> ScalarType.TIMESPAN;
            case GUID -> ScalarType.GUID;
        };
    }

    /** The value of a literal, or empty when its text is not valid for its kind. */
    static Optional<Object> value(LiteralKind kind, Object raw) {
        switch (kind) {
            case DATETIME: {
                String t = String.valueOf(raw).strip();
                if (t.equalsIgnoreCase("null")) {
                    return Optional.of(NULL);
                }
                return dateTime(t).map(i -> (Object) i);
            }
            case TIMESPAN: {
                String t = String.valueOf(raw).strip();
                if (t.equalsIgnoreCase("null")) {
                    return Optional.of(NULL);
                }
                return timespan(t).map(d -> (Object) d);
            }
            case GUID: {
                String t = String.valueOf(raw).strip();
                if (t.equalsIgnoreCase("null")) {
                    return Optional.of(NULL);
                }
                try {
                    return Optional.of(UUID.fromString(t));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            case INT:
                return Optional.of(raw instanceof Number n ? (Object) n.intValue() : raw);
            case LONG:
                return Optional.of(raw instanceof Number n ? (Object) n.longValue() : raw);
            case REAL:
                return Optional.of(raw instanceof Number n ? (Object) n.doubleValue() : raw);
            default:
                return Optional.ofNullable(raw);
        }
    }

    /** Marker for a typed literal whose text is {@code null}. */
    static final Object NULL = new Object();

    static Optional<Instant> dateTime(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") || text.startsWith("'")) && text.endsWith(text.substring(0, 1))) {
            text = text.substring(1, text.length() - 1);
        }
        java.util.regex.Matcher us = US_DATE.matcher(text.strip());
        if (us.matches()) {
            text = String.format("%s-%02d-%02d%s", us.group(3), Integer.parseInt(us.group(1)),
                    Integer.parseInt(us.group(2)), us.group(4) == null ? "" : " " + us.group(4).strip());
        }
        Optional<Instant> parsed = io.egress.kql.engine.functions.datetime.KqlDateTimes.parse(text);
        return parsed.isPresent() ? parsed : ValueConverter.parseDateTime(text);
    }

    static Optional<Duration> timespan(String text) {
        Optional<Duration> parsed = io.egress.kql.engine.functions.datetime.KqlTimespans.parse(text);
        return parsed.isPresent() ? parsed : ValueConverter.parseTimespan(text);
    }

    /** A {@code dynamic(...)} body in KQL literal syntax; {@code null} gives empty. */
    static Optional<JsonNode> dynamic(String text) throws IllegalArgumentException {
        return Optional.ofNullable(DynamicText.parse(text));
    }

    /** The elements of a constant list operand, with a dynamic array's elements flattened to plain values. */
    static List<Object> flatten(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof JsonNode node && node.isArray()) {
            for (JsonNode e : node) {
                out.add(fromJson(e));
            }
        } else {
            out.add(value);
        }
        return out;
    }

    static Object fromJson(JsonNode e) {
        if (e == null || e.isNull()) {
            return null;
        }
        if (e.isTextual()) {
            return e.textValue();
        }
        if (e.isBoolean()) {
            return e.booleanValue();
        }
        if (e.isIntegralNumber()) {
            return e.longValue();
        }
        if (e.isNumber()) {
            return e.doubleValue();
        }
        return e;
    }
}
