package io.egress.telemetry.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.data.ScalarType;
import io.egress.telemetry.read.EventTimes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts source values (strings, lists, maps) to the Java representation of a column type (see ScalarType). */
public final class Values {
    static final ObjectMapper JSON = new ObjectMapper();

    private Values() {
    }

    /** Text of a value: lists joined by spaces, null as empty. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder();
            for (Object item : list) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(text(item));
            }
            return out.toString();
        }
        if (value instanceof Instant instant) {
            return io.egress.data.ValueFormat.datetime(instant);
        }
        if (value instanceof Map<?, ?>) {
            return tree(value).toString();
        }
        return value.toString();
    }

    /** Whether a value counts as absent: null, blank, or the placeholders {@code -} and {@code (null)}. */
    public static boolean missing(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            String t = s.strip();
            return t.isEmpty() || t.equals("-") || t.equals("(null)");
        }
        return false;
    }

    public static Object convert(Object value, ScalarType type) {
        if (type == ScalarType.STRING) {
            return missing(value) ? "" : text(value);
        }
        if (missing(value)) {
            return null;
        }
        return switch (type) {
            case LONG -> toLong(value);
            case INT -> {
                Long l = toLong(value);
                yield l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
            }
            case DATETIME -> value instanceof Instant i ? i : EventTimes.parse(text(value));
            case BOOL -> switch (text(value).strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default -> null;
            };
            case REAL -> {
                try {
                    yield Double.parseDouble(text(value).strip());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case DYNAMIC -> dynamic(value);
            default -> text(value);
        };
    }

    /** A long from decimal or {@code 0x} hex text; null when it is neither. */
    public static Long toLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = text(value).strip();
        boolean hex = s.startsWith("0x") || s.startsWith("0X");
        String digits = hex ? s.substring(2) : s.startsWith("-") ? s.substring(1) : s;
        if (digits.isEmpty() || digits.length() > (hex ? 16 : 19)) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), hex ? 16 : 10) < 0) {
                return null; // checked first: exceptions are costly on the per-event path
            }
        }
        try {
            return hex ? Long.parseUnsignedLong(digits, 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static JsonNode dynamic(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    return JSON.readTree(t);
                } catch (java.io.IOException e) {
                    return JSON.getNodeFactory().textNode(s);
                }
            }
            return JSON.getNodeFactory().textNode(s);
        }
        return tree(value);
    }

    /** Strings, numbers, lists and maps as a JSON tree, built directly (no serializer on the hot path). */
    static JsonNode tree(Object value) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = JSON.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String s) {
            return nodes.textNode(s);
        }
        if (value instanceof Map<?, ?> map) {
            com.fasterxml.jackson.databind.node.ObjectNode object = nodes.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), tree(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            com.fasterxml.jackson.databind.node.ArrayNode array = nodes.arrayNode(list.size());
            for (Object item : list) {
                array.add(tree(item));
            }
            return array;
        }
        if (value instanceof Long l) {
            return nodes.numberNode(l);
        }
        if (value instanceof Integer i) {
            return nodes.numberNode(i);
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return nodes.textNode(text(value));
    }
}
