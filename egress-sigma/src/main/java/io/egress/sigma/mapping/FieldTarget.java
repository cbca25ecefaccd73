package io.egress.sigma.mapping;

import io.egress.data.ScalarType;
import java.util.Objects;

/**
 * Where a Sigma field's value comes from in a Defender row: a column or a KQL expression ({@code kql}) of
 * a type, or constants: every row of the log source stands for an event that has each of these values
 * (an auditd process row is an EXECVE record and a SYSCALL record at once), so a match against any of
 * them is true. {@code neverPrefix}, when set, marks values the
 * telemetry can never hold (for example {@code IMPHASH=}).
 */
public record FieldTarget(String kql, ScalarType type, java.util.List<String> constants, String neverPrefix) {
    public FieldTarget {
        Objects.requireNonNull(type, "type");
        constants = constants == null ? null : java.util.List.copyOf(constants);
        if ((kql == null) == (constants == null)) {
            throw new IllegalArgumentException("a field target is either a KQL column/expression or a constant");
        }
    }

    public static FieldTarget column(String name, ScalarType type) {
        return new FieldTarget(name, type, null, null);
    }

    public boolean isConstant() {
        return constants != null;
    }

    /** True for a plain column name (no parentheses or operators), false for a computed expression. */
    public boolean isColumn() {
        return kql != null && kql.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
