package io.egress.kql.syntax.print;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.text.SourceText;
import java.util.Objects;

/**
 * Formats a diagnostic for people:
 * <pre>
 * FILE:LINE:COL: error CODE: message
 *   the source line
 *   ^^^^ under the span
 *   hint: ...
 * </pre>
 * Lines and columns are 1-based; columns count UTF-16 units, a tab counting as one.
 */
public final class DiagnosticPrinter {
    /** Longest part of a source line shown; longer lines are cut around the caret. */
    private static final int MAX_SHOWN = 160;
    private static final int CONTEXT_BEFORE = 60;

    private DiagnosticPrinter() {
    }

    public static String format(String fileName, SourceText source, Diagnostic d) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(d, "diagnostic");
        StringBuilder out = new StringBuilder();
        if (d.span().equals(io.egress.kql.syntax.text.Span.NONE) && source.length() > 0) {
            // no place in the text (a run-time problem of the whole query): no line, no caret
            out.append(fileName).append(": ").append(d.severity().label()).append(' ').append(d.code()).append(": ")
                    .append(d.message()).append('\n');
            if (d.hasHint()) {
                out.append("  hint: ").append(d.hint()).append('\n');
            }
            return out.toString();
        }
        int start = Math.min(d.span().start(), source.length());
        int line = source.line(start);
        int column = source.column(start);
        out.append(fileName).append(':').append(line).append(':').append(column).append(": ")
                .append(d.severity().label()).append(' ').append(d.code()).append(": ").append(d.message()).append('\n');
        String text = source.lineText(line);
        int lineEnd = source.lineStart(line) + text.length();
        int carets = Math.max(1, Math.min(d.span().end(), lineEnd) - start);
        int caretColumn = column;
        if (text.length() > MAX_SHOWN) {
            // a very long line (a generated or minified query): show a window around the caret
            int from = Math.max(0, column - 1 - CONTEXT_BEFORE);
            int to = Math.min(text.length(), from + MAX_SHOWN);
            String prefix = from > 0 ? "..." : "";
            text = prefix + text.substring(from, to) + (to < text.length() ? "..." : "");
            caretColumn = column - from + prefix.length();
            carets = Math.min(carets, Math.max(1, to - (column - 1)));
        }
        out.append("  ").append(text).append('\n');
        out.append("  ");
        for (int i = 1; i < caretColumn; i++) {
            out.append(' ');
        }
        out.append("^".repeat(carets)).append('\n');
        if (d.hasHint()) {
            out.append("  hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }
}
