package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;

/** Checks the JSON-like content of {@code dynamic(...)}: arrays, property bags, scalar literals. */
final class DynamicValues {
    private DynamicValues() {
    }

    /** Consumes one dynamic value (or nothing before ')'), reporting what is not valid. */
    static void parse(ExpressionParser p) {
        if (p.atSymbol(")")) {
            return;
        }
        value(p, 0);
    }

    private static void value(ExpressionParser p, int depth) {
        Token t = p.peek();
        if (depth > 200) {
            p.reportPublic(DiagnosticCodes.badLiteral(p.caretSpan(), "dynamic value nested too deeply"));
            p.skipUntil(")");
            return;
        }
        if (t.isSymbol("[")) {
            p.next();
            while (!p.atSymbol("]") && !p.atEnd()) {
                int before = p.pos;
                value(p, depth + 1);
                if (!p.accept(",") || p.pos == before) {
                    break;
                }
            }
            p.expect("]");
        } else if (t.isSymbol("{")) {
            p.next();
            while (!p.atSymbol("}") && !p.atEnd()) {
                int before = p.pos;
                if (p.peek().is(TokenKind.STRING) || p.peek().is(TokenKind.IDENTIFIER)) {
                    p.next();
                } else {
                    p.reportPublic(DiagnosticCodes.expected(p.caretSpan(), "a property name", p.peek().text()));
                }
                p.expect(":");
                value(p, depth + 1);
                if (!p.accept(",") || p.pos == before) {
                    break;
                }
            }
            p.expect("}");
        } else if (t.isSymbol("-") || t.isSymbol("+")) {
            p.next();
            if (p.peek().is(TokenKind.LONG) || p.peek().is(TokenKind.REAL) || p.peek().is(TokenKind.TIMESPAN)) {
                p.next();
            } else {
                p.reportPublic(DiagnosticCodes.expected(p.caretSpan(), "a number", p.peek().text()));
            }
        } else if (t.is(TokenKind.STRING)) {
            while (p.peek().is(TokenKind.STRING)) {
                p.next();
            }
        } else if (t.is(TokenKind.LONG) || t.is(TokenKind.REAL)
                || t.is(TokenKind.TIMESPAN) || t.is(TokenKind.TYPED_LITERAL)) {
            p.next();
        } else if (t.is(TokenKind.IDENTIFIER) && p.peek(1).isSymbol("(")) {
            p.parsePrimary(); // long(1), dynamic(...), real(nan)
        } else if (t.isIdentifier("true") || t.isIdentifier("false") || t.isIdentifier("null")) {
            p.next();
        } else {
            p.reportPublic(DiagnosticCodes.badLiteral(p.caretSpan(), "expected a JSON value inside dynamic(...) but found '"
                    + t.text() + "'"));
            p.skipUntil(")", ",", "]", "}");
        }
    }
}
