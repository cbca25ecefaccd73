package io.egress.detect.query;

import java.util.List;
import java.util.Objects;

/**
 * A string test a rule applies to a column, e.g. {@code ProcessCommandLine has_any (FtpExfilPatterns)},
 * with the let-bound list resolved to its values. Used to say which patterns matched an alert's row.
 *
 * @param operator the KQL operator as written: {@code has}, {@code has_any}, {@code contains},
 *                 {@code startswith}, {@code endswith}, {@code matches regex}, {@code =~}, {@code ==}, {@code in~}...
 */
public record Pattern(String column, String operator, List<String> needles) {
    public Pattern {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        needles = List.copyOf(needles);
    }

    /** Whether the operator compares case-sensitively ({@code _cs} forms, {@code ==}, {@code in}, regex). */
    public boolean caseSensitive() {
        return operator.endsWith("_cs") || operator.equals("==") || operator.equals("in");
    }
}
