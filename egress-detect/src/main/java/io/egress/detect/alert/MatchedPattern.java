package io.egress.detect.alert;

import java.util.Objects;

/**
 * One of the rule's patterns that matched the alert's row: the column it tested, the operator, the
 * pattern as written, and where in the column's text it matched ({@code start} inclusive, {@code end}
 * exclusive, UTF-16 offsets) with the matched text.
 */
public record MatchedPattern(String field, String operator, String pattern, int start, int end, String text) {
    public MatchedPattern {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(text, "text");
    }
}
