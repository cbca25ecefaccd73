package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.LiteralKind;
import java.math.BigDecimal;

/** {@code int(5)}, {@code long(-1)}, {@code real(nan)}, {@code decimal(1.5)}, {@code bool(true)}, {@code int(null)}. */
final class TypedLiterals {
    private TypedLiterals() {
    }

    static Expr parse(ExpressionParser p, String type) {
        Token keyword = p.next();
        p.next(); // (
        int innerStart = p.peek().start();
        String sign = "";
        if (p.atSymbol("-") || p.atSymbol("+")) {
            sign = p.next().text();
        }
        Token t = p.peek();
        Expr result;
        if (t.isIdentifier("null") && sign.isEmpty()) {
            p.next();
            p.closeParen();
            return new Expr.TypedNull(type, p.spanFrom(keyword.start()));
        }
        if (t.kind() == TokenKind.LONG || t.kind() == TokenKind.REAL) {
            p.next();
            String text = t.text().startsWith("0x") || t.text().startsWith("0X") ? String.valueOf(t.value()) : t.text();
            result = number(p, type, sign + text, keyword, innerStart);
        } else if (t.kind() == TokenKind.IDENTIFIER && (type.equals("real") || type.equals("double"))
                && (t.text().equals("nan") || t.text().equals("inf"))) {
            p.next();
            double v = t.text().equals("nan") ? Double.NaN
                    : sign.equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            result = literal(p, LiteralKind.REAL, v, keyword);
        } else if (t.kind() == TokenKind.IDENTIFIER && type.startsWith("bool")
                && (t.text().equals("true") || t.text().equals("false"))) {
            p.next();
            result = literal(p, LiteralKind.BOOL, Boolean.valueOf(t.text()), keyword);
        } else {
            p.reportPublic(DiagnosticCodes.badLiteral(p.caretSpan(), "expected a " + type + " value inside "
                    + type + "(...) but found '" + t.text() + "'"));
            p.skipUntil(")");
            result = new Expr.Error(p.spanFrom(keyword.start()));
        }
        p.closeParen();
        return rewrap(p, result, keyword);
    }

    private static Expr rewrap(ExpressionParser p, Expr e, Token keyword) {
        Span span = p.spanFrom(keyword.start());
        if (e instanceof Expr.Literal l) {
            return new Expr.Literal(l.kind(), p.source.slice(span), l.value(), span);
        }
        return e;
    }

    private static Expr literal(ExpressionParser p, LiteralKind kind, Object value, Token keyword) {
        return new Expr.Literal(kind, "", value, p.spanFrom(keyword.start()));
    }

    private static Expr number(ExpressionParser p, String type, String text, Token keyword, int at) {
        try {
            switch (type) {
                case "int":
                    return literal(p, LiteralKind.INT, Integer.valueOf(text.startsWith("+") ? text.substring(1) : text),
                            keyword);
                case "long":
                    return literal(p, LiteralKind.LONG, Long.valueOf(text.startsWith("+") ? text.substring(1) : text),
                            keyword);
                case "real":
                case "double":
                    return literal(p, LiteralKind.REAL, Double.valueOf(text), keyword);
                case "decimal":
                    return literal(p, LiteralKind.DECIMAL, new BigDecimal(text), keyword);
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        p.reportPublic(DiagnosticCodes.badLiteral(Span.of(at, p.lastEnd()), "'" + text + "' is not a valid " + type));
        return new Expr.Error(p.spanFrom(keyword.start()));
    }
}
