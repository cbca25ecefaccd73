package io.egress.detect.query;

import java.util.Objects;

/**
 * One lexical token of a query, as far as rule analysis needs: {@code value} is the decoded text of a
 * string literal, else the token text; {@code start}/{@code end} are offsets in the query.
 */
public record Token(Kind kind, String value, int start, int end) {
    /** Token kinds. */
    public enum Kind { IDENT, STRING, NUMBER, PUNCT }

    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public boolean is(String text) {
        return kind != Kind.STRING && value.equals(text);
    }

    public boolean isIdent(String text) {
        return kind == Kind.IDENT && value.equals(text);
    }
}
