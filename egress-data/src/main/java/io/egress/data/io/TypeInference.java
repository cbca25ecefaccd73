package io.egress.data.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;

/** Infers a column type from raw values when a file comes without a schema. */
final class TypeInference {
    // Compiled once: String.matches would compile each pattern again for every cell of a file.
    private static final java.util.regex.Pattern LONG = java.util.regex.Pattern.compile("-?\\d{1,18}");
    private static final java.util.regex.Pattern REAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d+([eE][-+]?\\d+)?");
    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*");

    private TypeInference() {
    }

    /** The narrowest type of one raw value (JSON node or text cell), or null for null/empty. */
    static ScalarType of(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isBoolean()) {
                return ScalarType.BOOL;
            }
            if (node.isIntegralNumber()) {
                return ScalarType.LONG;
            }
            if (node.isNumber()) {
                return ScalarType.REAL;
            }
            if (node.isContainerNode()) {
                return ScalarType.DYNAMIC;
            }
            return ofText(node.asText());
        }
        return ofText((String) raw);
    }

    private static ScalarType ofText(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (LONG.matcher(t).matches()) {
            return ScalarType.LONG;
        }
        if (REAL.matcher(t).matches()) {
            return ScalarType.REAL;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return ScalarType.BOOL;
        }
        if (DATE_TIME.matcher(t).matches() && ValueConverter.parseDateTime(t).isPresent()) {
            return ScalarType.DATETIME;
        }
        if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
            return ScalarType.DYNAMIC;
        }
        return ScalarType.STRING;
    }

    /** The type both values fit: LONG+REAL → REAL, anything else mixed → STRING. */
    static ScalarType unify(ScalarType a, ScalarType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a == b) {
            return a;
        }
        if ((a == ScalarType.LONG && b == ScalarType.REAL) || (a == ScalarType.REAL && b == ScalarType.LONG)) {
            return ScalarType.REAL;
        }
        return ScalarType.STRING;
    }
}
