package io.egress.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.egress.data.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts values read from exports (JSON nodes or text cells) to the {@link ScalarType} representation.
 * A value that does not fit its column type raises {@link BadValue} with a reason the reader reports.
 */
public final class ValueConverter {
    static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter SPACE_OR_T = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final Pattern TIMESPAN = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern TIMESPAN_LITERAL = Pattern.compile("(-)?(\\d+(?:\\.\\d+)?)(d|h|m|s|ms|microsecond|tick)");

    /** A value that cannot be converted; the message is the reason shown to the user. */
    public static final class BadValue extends Exception {
        public BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private ValueConverter() {
    }

    /** Converts a JSON value; JSON null (or a missing value) gives the type's null. */
    public static Object fromJson(JsonNode node, ScalarType type) throws BadValue {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return nullOf(type);
        }
        if (type == ScalarType.DYNAMIC) {
            if (node.isTextual()) {
                return dynamicFromText(node.textValue());
            }
            return node;
        }
        if (type == ScalarType.STRING) {
            return node.isValueNode() ? node.asText() : node.toString();
        }
        if (node.isTextual()) {
            return fromText(node.textValue(), type);
        }
        switch (type) {
            case BOOL:
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                if (node.isIntegralNumber()) {
                    return node.longValue() != 0;
                }
                break;
            case INT:
                if (node.isIntegralNumber() && node.canConvertToInt()) {
                    return node.intValue();
                }
                if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()) && node.canConvertToInt()) {
                    return node.intValue();
                }
                break;
            case LONG:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()) && node.canConvertToLong()) {
                    return node.longValue();
                }
                break;
            case REAL:
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                break;
            case DECIMAL:
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                break;
            default:
                break;
        }
        throw new BadValue("expected " + type.kqlName() + " but found " + describe(node));
    }

    /** Converts a text cell (CSV, or a JSON string); empty text gives the type's null. */
    public static Object fromText(String text, ScalarType type) throws BadValue {
        if (type == ScalarType.STRING) {
            return text == null ? "" : text;
        }
        if (text == null || text.isBlank()) {
            return nullOf(type);
        }
        String t = text.strip();
        try {
            switch (type) {
                case BOOL:
                    if (t.equalsIgnoreCase("true") || t.equals("1")) {
                        return true;
                    }
                    if (t.equalsIgnoreCase("false") || t.equals("0")) {
                        return false;
                    }
                    break;
                case INT:
                    return Integer.parseInt(t);
                case LONG:
                    return Long.parseLong(t);
                case REAL:
                    return Double.parseDouble(t);
                case DECIMAL:
                    return new BigDecimal(t);
                case DATETIME:
                    return parseDateTime(t).orElseThrow(() -> new BadValue("'" + t + "' is not a datetime"));
                case TIMESPAN:
                    return parseTimespan(t).orElseThrow(() -> new BadValue("'" + t + "' is not a timespan"));
                case GUID:
                    return UUID.fromString(t);
                case DYNAMIC:
                    return dynamicFromText(text);
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new BadValue("'" + t + "' is not a " + type.kqlName());
        } catch (IllegalArgumentException e) {
            throw new BadValue("'" + t + "' is not a " + type.kqlName());
        }
        throw new BadValue("'" + t + "' is not a " + type.kqlName());
    }

    /** Null in the representation of {@code type}: empty for strings, Java null otherwise. */
    public static Object nullOf(ScalarType type) {
        return type == ScalarType.STRING ? "" : null;
    }

    /** ISO-8601 with or without zone, or {@code yyyy-MM-dd HH:mm:ss[.f]}; no zone means UTC. */
    public static Optional<Instant> parseDateTime(String text) {
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the zone-less forms below
        }
        String local = t.endsWith("Z") || t.endsWith("z") ? t.substring(0, t.length() - 1) : t;
        try {
            var parsed = SPACE_OR_T.parseBest(local, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof LocalDateTime ldt) {
                return Optional.of(ldt.toInstant(java.time.ZoneOffset.UTC));
            }
            return Optional.of(((LocalDate) parsed).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Kusto timespan text {@code [-][d.]hh:mm[:ss[.fffffff]]} or a literal such as {@code 1d}, {@code 30m}. */
    public static Optional<Duration> parseTimespan(String text) {
        String t = text.strip();
        Matcher m = TIMESPAN.matcher(t);
        if (m.matches()) {
            Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                    .plusHours(Long.parseLong(m.group(3)))
                    .plusMinutes(Long.parseLong(m.group(4)))
                    .plusSeconds(m.group(5) == null ? 0 : Long.parseLong(m.group(5)));
            if (m.group(6) != null) {
                String frac = (m.group(6) + "000000000").substring(0, 9);
                d = d.plusNanos(Long.parseLong(frac));
            }
            return Optional.of(m.group(1) != null ? d.negated() : d);
        }
        m = TIMESPAN_LITERAL.matcher(t);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(2));
            long nanosPerUnit = switch (m.group(3)) {
                case "d" -> 86_400_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "microsecond" -> 1_000L;
                default -> 100L;
            };
            long nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue();
            Duration d = Duration.ofNanos(nanos);
            return Optional.of(m.group(1) != null ? d.negated() : d);
        }
        return Optional.empty();
    }

    /** JSON object/array text becomes that JSON; anything else stays a JSON string. */
    public static JsonNode dynamicFromText(String text) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readTree(t);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(text);
            }
        }
        return TextNode.valueOf(text);
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }
}
