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
    private DiagnosticPrinter() {
    }

    public static String format(String fileName, SourceText source, Diagnostic d) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(d, "diagnostic");
        int start = Math.min(d.span().start(), source.length());
        int line = source.line(start);
        int column = source.column(start);
        StringBuilder out = new StringBuilder();
        out.append(fileName).append(':').append(line).append(':').append(column).append(": ")
                .append(d.severity().label()).append(' ').append(d.code()).append(": ").append(d.message()).append('\n');
        String text = source.lineText(line);
        out.append("  ").append(text).append('\n');
        int lineEnd = source.lineStart(line) + text.length();
        int carets = Math.max(1, Math.min(d.span().end(), lineEnd) - start);
        out.append("  ");
        for (int i = 1; i < column; i++) {
            out.append(' ');
        }
        out.append("^".repeat(carets)).append('\n');
        if (d.hasHint()) {
            out.append("  hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }
}
