package io.egress.detect.rule;

import java.util.Objects;

/**
 * Why a rule file (or one rule in it) cannot run: where, a stable code, the reason and a hint. Problems
 * are reported, never dropped; the other rules still run.
 *
 * @param code  {@code RULE001}.. for rule-file problems, or the query diagnostic's own code (e.g. {@code KQL110})
 * @param line  the offending source line's text, for a caret display; empty when unknown
 */
public record RuleProblem(FilePosition position, String code, String message, String hint, String line) {
    public RuleProblem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        line = line == null ? "" : line;
    }

    /** {@code file:line:col: error CODE: message}. */
    public String headline() {
        return position + ": error " + code + ": " + message;
    }
}
