package io.egress.kql.syntax.lexer;

/** Kinds of KQL token. */
public enum TokenKind {
    /** A name or keyword: {@code where}, {@code DeviceName}, {@code $left}, {@code project-away}, {@code in~}. */
    IDENTIFIER,
    /** A string literal (any quoting); value is the decoded String. */
    STRING,
    /** An integer literal; value is a Long. */
    LONG,
    /** A real literal; value is a Double. */
    REAL,
    /** A timespan literal such as {@code 1.5h}; value is the text. */
    TIMESPAN,
    /** {@code datetime(...)}, {@code timespan(...)}, {@code time(...)}, {@code guid(...)}: value is the raw inner text. */
    TYPED_LITERAL,
    /** Punctuation and symbolic operators: {@code | ( ) [ ] { } , ; : . .. = == != < <= > >= =~ !~ + - * / % !has ...}. */
    SYMBOL,
    /** Something the lexer could not read; a diagnostic was reported. */
    BAD,
    END
}
