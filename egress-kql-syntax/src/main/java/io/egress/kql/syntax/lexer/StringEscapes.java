package io.egress.kql.syntax.lexer;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.text.Span;
import java.util.List;

/** Backslash escapes of ordinary (non-verbatim) KQL strings. */
final class StringEscapes {
    private StringEscapes() {
    }

    /** Decodes the escape at {@code at} (a backslash) into {@code out}; returns the offset after it. */
    static int decode(String text, int at, StringBuilder out, List<Diagnostic> diagnostics) {
        char c = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
        switch (c) {
            case '\\', '"', '\'' -> out.append(c);
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case 'u' -> {
                return hex(text, at, 4, 4, out, diagnostics);
            }
            case 'U' -> {
                return hex(text, at, 8, 8, out, diagnostics);
            }
            case 'x' -> {
                return hex(text, at, 1, 4, out, diagnostics);
            }
            default -> {
                int end = Math.min(text.length(), at + 2);
                diagnostics.add(DiagnosticCodes.invalidEscape(Span.of(at, end), text.substring(at, end)));
                if (c == '\n' || c == '\r' || c == '\0') {
                    return at + 1;
                }
                out.append(c);
            }
        }
        return at + 2;
    }

    private static int hex(String text, int at, int min, int max, StringBuilder out, List<Diagnostic> diagnostics) {
        int p = at + 2;
        while (p < text.length() && p - (at + 2) < max && Character.digit(text.charAt(p), 16) >= 0) {
            p++;
        }
        if (p - (at + 2) < min) {
            diagnostics.add(DiagnosticCodes.badLiteral(Span.of(at, p), "invalid escape sequence in a string"));
            return p;
        }
        int cp = Integer.parseInt(text.substring(at + 2, p), 16);
        if (Character.isValidCodePoint(cp)) {
            out.appendCodePoint(cp);
        } else {
            diagnostics.add(DiagnosticCodes.badLiteral(Span.of(at, p), "invalid code point in a string escape"));
        }
        return p;
    }
}
