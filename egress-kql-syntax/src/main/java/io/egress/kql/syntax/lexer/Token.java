package io.egress.kql.syntax.lexer;

import io.egress.kql.syntax.text.Span;

/**
 * One token: kind, source text, offsets and decoded value. {@code spaceBefore} says whether whitespace
 * or a comment separates it from the previous token (needed for {@code a*} patterns and {@code in~}).
 */
public record Token(TokenKind kind, String text, int start, int end, Object value, boolean spaceBefore) {
    public Span span() {
        return Span.of(start, end);
    }

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** A symbol or identifier with exactly this text. */
    public boolean is(String t) {
        return (kind == TokenKind.SYMBOL || kind == TokenKind.IDENTIFIER) && text.equals(t);
    }

    public boolean isSymbol(String t) {
        return kind == TokenKind.SYMBOL && text.equals(t);
    }

    public boolean isIdentifier(String t) {
        return kind == TokenKind.IDENTIFIER && text.equals(t);
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + start;
    }
}
