package io.egress.kql.syntax.diag;

import io.egress.kql.syntax.text.Span;

/**
 * The one place diagnostics are made, so their codes stay stable.
 * <ul>
 *   <li>KQL1xx: syntax (lexer and parser), defined here.</li>
 *   <li>KQL2xx: reserved for the binder (unknown names, types); add factory methods below.</li>
 *   <li>KQL3xx: reserved for execution and unsupported features.</li>
 * </ul>
 */
public final class DiagnosticCodes {
    public static final String UNEXPECTED_TOKEN = "KQL101";
    public static final String UNTERMINATED_STRING = "KQL102";
    public static final String EXPECTED = "KQL103";
    public static final String INVALID_CHARACTER = "KQL104";
    public static final String BAD_LITERAL = "KQL105";
    public static final String MISSING_EXPRESSION = "KQL106";
    public static final String EXPECTED_QUERY_OPERATOR = "KQL107";
    public static final String UNKNOWN_QUERY_OPERATOR = "KQL108";
    public static final String UNTERMINATED_LITERAL = "KQL109";
    public static final String BARE_LIST = "KQL110";
    public static final String MISSING_SEMICOLON = "KQL111";
    public static final String UNSUPPORTED_SYNTAX = "KQL112";
    public static final String WRONG_OPERATOR_SPELLING = "KQL113";
    public static final String ASSIGNMENT_IN_PREDICATE = "KQL120";

    private DiagnosticCodes() {
    }

    public static Diagnostic error(String code, Span span, String message, String hint) {
        return new Diagnostic(code, Severity.ERROR, span, message, hint);
    }

    public static Diagnostic unexpectedToken(Span span, String tokenText) {
        return error(UNEXPECTED_TOKEN, span, "unexpected " + describe(tokenText), null);
    }

    public static Diagnostic unterminatedString(Span span) {
        return error(UNTERMINATED_STRING, span, "unterminated string literal",
                "close the string with the same quote it starts with, on the same line");
    }

    public static Diagnostic expected(Span span, String what, String found) {
        return error(EXPECTED, span, "expected " + what + " but found " + describe(found), null);
    }

    public static Diagnostic invalidCharacter(Span span, String character) {
        String hint = character.equals("#") ? "KQL comments start with //"
                : character.codePointAt(0) > 127 ? "KQL names are ASCII; use ['...'] for other names" : null;
        return error(INVALID_CHARACTER, span, "character " + describe(character) + " is not valid here", hint);
    }

    public static Diagnostic badLiteral(Span span, String message) {
        return error(BAD_LITERAL, span, message, null);
    }

    public static Diagnostic invalidEscape(Span span, String escape) {
        return error(BAD_LITERAL, span, "invalid escape sequence '" + escape + "' in a string",
                "write \\\\ for a backslash, or use a verbatim string @\"...\" (regular expressions usually want one)");
    }

    public static Diagnostic missingExpression(Span span, String found) {
        return error(MISSING_EXPRESSION, span, "expected an expression but found " + describe(found), null);
    }

    public static Diagnostic expectedQueryOperator(Span span, String found) {
        return error(EXPECTED_QUERY_OPERATOR, span, "expected a query operator after '|' but found "
                + describe(found), "for example: where, extend, project, summarize, join");
    }

    public static Diagnostic unknownQueryOperator(Span span, String name) {
        return unknownQueryOperator(span, name, null);
    }

    public static Diagnostic unknownQueryOperator(Span span, String name, String suggestion) {
        return error(UNKNOWN_QUERY_OPERATOR, span, "unknown query operator '" + name + "'",
                suggestion == null ? null : "did you mean '" + suggestion + "'?");
    }

    /** {@code AND}, {@code &&}, {@code ||}: an operator KQL spells differently; parsing goes on as if fixed. */
    public static Diagnostic wrongOperatorSpelling(Span span, String written, String kql) {
        return error(WRONG_OPERATOR_SPELLING, span, "'" + written + "' is not a KQL operator",
                "write '" + kql + "' (KQL operators are lower case words)").withFix(span, kql);
    }

    public static Diagnostic unterminatedLiteral(Span span, String kind) {
        return error(UNTERMINATED_LITERAL, span, "unterminated " + kind + "(...) literal", "add the closing ')'");
    }

    /** A JSON-style list {@code [..]} where KQL wants {@code dynamic([..])}; carries a quick fix. */
    public static Diagnostic bareList(Span span, String listText) {
        String fix = "dynamic(" + listText + ")";
        return error(BARE_LIST, span, "a list in brackets is not a KQL expression here", "write " + fix)
                .withFix(span, fix);
    }

    public static Diagnostic missingSemicolon(Span span, String found) {
        return error(MISSING_SEMICOLON, span, "expected ';' between statements but found " + describe(found),
                "end each let/set statement and each query with ';' before the next one");
    }

    /** Warning: {@code where x = v} names the value instead of comparing (Kusto accepts it). */
    public static Diagnostic assignmentInPredicate(Span span, String name) {
        return new Diagnostic(ASSIGNMENT_IN_PREDICATE, Severity.WARNING, span,
                "'=' here names the expression '" + name + "' instead of comparing it; the filter uses only the"
                        + " right-hand side", "write '==' to compare " + name);
    }

    public static Diagnostic unsupported(Span span, String what) {
        return error(UNSUPPORTED_SYNTAX, span, what + " is not supported", null);
    }

    static String describe(String text) {
        if (text == null || text.isEmpty()) {
            return "end of text";
        }
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
