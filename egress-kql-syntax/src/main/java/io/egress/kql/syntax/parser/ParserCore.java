package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.text.Span;
import java.util.List;

/** Token cursor, expectations and error reporting shared by the parser layers. */
abstract class ParserCore {
    protected final SourceText source;
    protected final List<Token> tokens;
    protected final List<Diagnostic> diagnostics;
    protected int pos;
    private int lastErrorAt = -1;

    ParserCore(SourceText source, List<Token> tokens, List<Diagnostic> diagnostics) {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    protected Token peek() {
        return tokens.get(pos);
    }

    protected Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    protected Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    protected Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.END) {
            pos++;
        }
        return t;
    }

    protected boolean atEnd() {
        return peek().kind() == TokenKind.END;
    }

    protected boolean at(String text) {
        return peek().is(text);
    }

    protected boolean atSymbol(String text) {
        return peek().isSymbol(text);
    }

    protected boolean atIdentifier(String text) {
        return peek().isIdentifier(text);
    }

    protected boolean accept(String text) {
        if (at(text)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the token if it has this text, else reports "expected" and consumes nothing. */
    protected boolean expect(String text) {
        if (accept(text)) {
            return true;
        }
        report(DiagnosticCodes.expected(expectedSpan(), "'" + text + "'", peek().text()));
        return false;
    }

    /** Expects ')' and, when something else is there, skips to the matching ')'. */
    protected void closeParen() {
        if (!atSymbol(")")) {
            report(DiagnosticCodes.expected(expectedSpan(), "')'", peek().text()));
            skipUntil(")");
        }
        accept(")");
    }

    /** Offset where the last consumed token ends (start of the text when none). */
    protected int lastEnd() {
        return pos == 0 ? 0 : tokens.get(pos - 1).end();
    }

    protected Span spanFrom(int start) {
        return Span.of(start, Math.max(start, lastEnd()));
    }

    /** The span to point at when something is wrong with the current token (at least one char when possible). */
    protected Span caretSpan() {
        Token t = peek();
        if (t.kind() == TokenKind.END) {
            return new Span(t.start(), 0);
        }
        return t.span();
    }

    /**
     * Where to report that something was expected: like Kusto, at the end of the previous line when the
     * current token starts a new line (the writer forgot something there), else at the current token.
     */
    protected Span expectedSpan() {
        Token t = peek();
        int prevEnd = lastEnd();
        if (pos > 0 && prevEnd <= t.start() && source.text().substring(prevEnd, t.start()).indexOf('\n') >= 0) {
            return new Span(prevEnd, 0);
        }
        return caretSpan();
    }

    /** Reports a diagnostic unless an error was already reported at the same offset. */
    protected void report(Diagnostic d) {
        if (d.span().start() == lastErrorAt) {
            return;
        }
        lastErrorAt = d.span().start();
        diagnostics.add(d);
    }

    /** True for tokens that end an expression or operator in any context. */
    protected boolean atTerminator() {
        Token t = peek();
        return t.kind() == TokenKind.END || t.isSymbol("|") || t.isSymbol(")") || t.isSymbol("]")
                || t.isSymbol("}") || t.isSymbol(";") || t.isSymbol(",");
    }

    /** Skips tokens (balancing brackets) until one of the stop symbols at depth 0, or the end. */
    protected void skipUntil(String... stops) {
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0) {
                for (String s : stops) {
                    if (t.isSymbol(s)) {
                        return;
                    }
                }
            }
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
            next();
        }
    }
}
