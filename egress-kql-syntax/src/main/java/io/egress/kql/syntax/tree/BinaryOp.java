package io.egress.kql.syntax.tree;

import java.util.HashMap;
import java.util.Map;

/** Binary scalar operators, spelled as in KQL, with their precedence (higher binds tighter). */
public enum BinaryOp {
    OR("or", 1), AND("and", 2),
    EQ("==", 3), NE("!=", 3), LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3),
    EQ_CI("=~", 3), NE_CI("!~", 3),
    HAS("has", 3), NOT_HAS("!has", 3), HAS_CS("has_cs", 3), NOT_HAS_CS("!has_cs", 3),
    HASPREFIX("hasprefix", 3), NOT_HASPREFIX("!hasprefix", 3),
    HASPREFIX_CS("hasprefix_cs", 3), NOT_HASPREFIX_CS("!hasprefix_cs", 3),
    HASSUFFIX("hassuffix", 3), NOT_HASSUFFIX("!hassuffix", 3),
    HASSUFFIX_CS("hassuffix_cs", 3), NOT_HASSUFFIX_CS("!hassuffix_cs", 3),
    CONTAINS("contains", 3), NOT_CONTAINS("!contains", 3),
    CONTAINS_CS("contains_cs", 3), NOT_CONTAINS_CS("!contains_cs", 3),
    STARTSWITH("startswith", 3), NOT_STARTSWITH("!startswith", 3),
    STARTSWITH_CS("startswith_cs", 3), NOT_STARTSWITH_CS("!startswith_cs", 3),
    ENDSWITH("endswith", 3), NOT_ENDSWITH("!endswith", 3),
    ENDSWITH_CS("endswith_cs", 3), NOT_ENDSWITH_CS("!endswith_cs", 3),
    MATCHES_REGEX("matches regex", 3),
    IN("in", 3), NOT_IN("!in", 3), IN_CI("in~", 3), NOT_IN_CI("!in~", 3),
    HAS_ANY("has_any", 3), HAS_ALL("has_all", 3),
    /** {@code Column:"term"} inside a search predicate (a has-match on that column). */
    SEARCH_HAS(":", 3),
    PLUS("+", 4), MINUS("-", 4),
    MUL("*", 5), DIV("/", 5), MOD("%", 5);

    private static final Map<String, BinaryOp> BY_SPELLING = new HashMap<>();

    static {
        for (BinaryOp op : values()) {
            BY_SPELLING.put(op.spelling, op);
        }
    }

    private final String spelling;
    private final int precedence;

    BinaryOp(String spelling, int precedence) {
        this.spelling = spelling;
        this.precedence = precedence;
    }

    public String spelling() {
        return spelling;
    }

    public int precedence() {
        return precedence;
    }

    /** Operators whose right operand is a parenthesised list ({@code in}, {@code has_any}, ...). */
    public boolean takesList() {
        return this == IN || this == NOT_IN || this == IN_CI || this == NOT_IN_CI || this == HAS_ANY || this == HAS_ALL;
    }

    /** Word operators such as {@code has} or {@code matches regex} (as opposed to symbols). */
    public boolean isWord() {
        return spelling.length() > 1 && Character.isLetter(spelling.charAt(spelling.charAt(0) == '!' ? 1 : 0));
    }

    public static BinaryOp fromSpelling(String spelling) {
        return BY_SPELLING.get(spelling);
    }
}
