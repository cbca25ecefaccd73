package io.egress.sigma.mapping;

import io.egress.data.ScalarType;
import java.util.List;
import java.util.Objects;

/**
 * Where a Sigma field's value comes from in a row: a column or a KQL expression ({@code kql}) of a type, or
 * constants: every row of the log source stands for an event that has each of these values (an auditd
 * process row is an EXECVE record and a SYSCALL record at once), so a match against any of them is true.
 * {@code neverPrefix}, when set, marks values the telemetry can never hold (for example {@code IMPHASH=}).
 * {@code multi}: the expression is a text of one value per line (the names of an auditd event's PATH
 * records, the unnamed Data elements of a classic event); a match is true when it matches any line.
 */
public record FieldTarget(String kql, ScalarType type, List<String> constants, String neverPrefix, boolean multi) {
    public FieldTarget {
        Objects.requireNonNull(type, "type");
        constants = constants == null ? null : List.copyOf(constants);
        if ((kql == null) == (constants == null)) {
            throw new IllegalArgumentException("a field target is either a KQL column/expression or a constant");
        }
        if (multi && (constants != null || type != ScalarType.STRING)) {
            throw new IllegalArgumentException("a multi-valued field target is a string expression");
        }
    }

    public FieldTarget(String kql, ScalarType type, List<String> constants, String neverPrefix) {
        this(kql, type, constants, neverPrefix, false);
    }

    public static FieldTarget column(String name, ScalarType type) {
        return new FieldTarget(name, type, null, null);
    }

    /** A field of a raw table's {@code EventData}-style bag, read by its own name, as text. */
    public static FieldTarget bagField(String bagColumn, String field) {
        return new FieldTarget("tostring(" + bagColumn + "[" + quote(field) + "])", ScalarType.STRING, null, null);
    }

    public boolean isConstant() {
        return constants != null;
    }

    /** True for a plain column name (no parentheses or operators), false for a computed expression. */
    public boolean isColumn() {
        return kql != null && kql.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
