package io.egress.kql.syntax.diag;

import io.egress.kql.syntax.text.Span;
import java.util.Objects;

/**
 * A problem found in a query, as a value: stable code, severity, where, what, an optional hint and an
 * optional quick fix (replace {@code replacementSpan} with {@code replacement}). Create them through
 * {@link DiagnosticCodes} so codes stay stable.
 */
public record Diagnostic(String code, Severity severity, Span span, String message, String hint,
                         String replacement, Span replacementSpan) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        if ((replacement == null) != (replacementSpan == null)) {
            throw new IllegalArgumentException("replacement and replacementSpan go together");
        }
    }

    public Diagnostic(String code, Severity severity, Span span, String message, String hint) {
        this(code, severity, span, message, hint, null, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public boolean hasHint() {
        return hint != null && !hint.isEmpty();
    }

    public boolean hasFix() {
        return replacement != null;
    }

    /** A copy with a quick fix attached. */
    public Diagnostic withFix(Span span, String text) {
        return new Diagnostic(code, severity, this.span, message, hint, text, span);
    }

    /** Applies the quick fix of each diagnostic (non-overlapping, any order) to a text. */
    public static String applyFixes(String text, java.util.List<Diagnostic> diagnostics) {
        java.util.List<Diagnostic> fixes = new java.util.ArrayList<>(
                diagnostics.stream().filter(Diagnostic::hasFix).toList());
        fixes.sort((a, b) -> Integer.compare(b.replacementSpan().start(), a.replacementSpan().start()));
        StringBuilder out = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Diagnostic d : fixes) {
            Span s = d.replacementSpan();
            if (s.end() > limit || s.end() > text.length()) {
                continue; // overlapping fix: skip rather than corrupt the text
            }
            out.replace(s.start(), s.end(), d.replacement());
            limit = s.start();
        }
        return out.toString();
    }
}
