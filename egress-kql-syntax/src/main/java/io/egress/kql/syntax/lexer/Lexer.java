package io.egress.kql.syntax.lexer;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns KQL text into tokens, reporting lexical problems as diagnostics (it never throws). */
public final class Lexer {
    private static final Set<String> HYPHENATED = Set.of(
            "project-away", "project-keep", "project-rename", "project-reorder", "project-smart",
            "project-by-names", "mv-expand", "mv-apply", "parse-where", "parse-kv", "top-nested",
            "top-hitters", "make-series", "sample-distinct", "make-graph", "graph-match", "graph-merge",
            "graph-to-table", "graph-shortest-paths", "graph-mark-components", "macro-expand",
            "execute-and-cache", "assert-schema");
    private static final Set<String> BANG_WORDS = Set.of(
            "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "contains", "contains_cs",
            "startswith", "startswith_cs", "endswith", "endswith_cs", "in", "between");
    private static final Set<String> TYPED_LITERALS = Set.of("datetime", "timespan", "time", "guid");
    private static final String[] SYMBOLS = {"&&", "==", "!=", "<>", "<=", ">=", "=~", "!~", "=>", "..",
        "|", "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "=", "<", ">", "+", "-", "*", "/", "%", "!", "?"};

    private final String text;
    private final List<Diagnostic> diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean space;

    private Lexer(String text, List<Diagnostic> diagnostics) {
        this.text = text;
        this.diagnostics = diagnostics;
    }

    /** Tokens of the text, ending with one END token; problems are added to {@code diagnostics}. */
    public static List<Token> tokenize(String text, List<Diagnostic> diagnostics) {
        Lexer lexer = new Lexer(text, diagnostics);
        lexer.run();
        return lexer.tokens;
    }

    /** Whitespace as Kusto treats it: ASCII blanks, Unicode space separators, zero-width space, BOM. */
    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u200B' || c == '\uFEFF'
                || (c > 127 && Character.getType(c) == Character.SPACE_SEPARATOR);
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) && c != '$' || (c >= '0' && c <= '9');
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private void run() {
        while (true) {
            space = skipTrivia() || tokens.isEmpty();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", text.length(), text.length(), null, space));
                return;
            }
            int start = pos;
            char c = text.charAt(pos);
            if (c == '"' || c == '\'') {
                string(start, pos, false);
            } else if ((c == '@') && (at(pos + 1) == '"' || at(pos + 1) == '\'')) {
                string(start, pos + 1, true);
            } else if ((c == 'h' || c == 'H') && (at(pos + 1) == '"' || at(pos + 1) == '\'')) {
                string(start, pos + 1, false);
            } else if ((c == 'h' || c == 'H') && at(pos + 1) == '@' && (at(pos + 2) == '"' || at(pos + 2) == '\'')) {
                string(start, pos + 2, true);
            } else if (c == '`' && text.startsWith("```", pos)) {
                multiLine(start, "```");
            } else if (c == '~' && text.startsWith("~~~", pos)) {
                multiLine(start, "~~~");
            } else if (c >= '0' && c <= '9') {
                number(start);
            } else if (isIdentStart(c)) {
                identifier(start);
            } else if (c == '!' && isIdentStart(at(pos + 1)) && bangWord(start)) {
                // emitted by bangWord
            } else {
                symbol(start, c);
            }
        }
    }

    /** Skips whitespace and comments; true when anything was skipped. */
    private boolean skipTrivia() {
        int begin = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isWhitespace(c)) {
                pos++;
            } else if (c == '/' && at(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                break;
            }
        }
        return pos > begin;
    }

    private void add(TokenKind kind, int start, Object value) {
        tokens.add(new Token(kind, text.substring(start, pos), start, pos, value, space));
    }

    private void identifier(int start) {
        pos++;
        while (isIdentPart(at(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (at(pos) == '-' && isIdentStart(at(pos + 1))) {
            int save = pos;
            int end = pos;
            while (at(end) == '-' && isIdentStart(at(end + 1))) {
                end++;
                while (isIdentPart(at(end))) {
                    end++;
                }
                if (HYPHENATED.contains(text.substring(start, end))) {
                    pos = end;
                    break;
                }
            }
            if (pos == save) {
                pos = save;
            }
        } else if (word.equals("in") && at(pos) == '~') {
            pos++;
        } else if (TYPED_LITERALS.contains(word)) {
            int p = pos;
            while (p < text.length() && isWhitespace(text.charAt(p)) && text.charAt(p) != '\n') {
                p++;
            }
            if (at(p) == '(') {
                typedLiteral(start, p);
                return;
            }
        }
        add(TokenKind.IDENTIFIER, start, null);
    }

    private void typedLiteral(int start, int open) {
        int p = open + 1;
        while (p < text.length() && text.charAt(p) != ')' && text.charAt(p) != '\n' && text.charAt(p) != '(') {
            p++;
        }
        if (at(p) != ')') {
            pos = p;
            String kind = text.substring(start, open).trim();
            diagnostics.add(DiagnosticCodes.unterminatedLiteral(Span.of(start, p), kind));
            add(TokenKind.TYPED_LITERAL, start, text.substring(open + 1, p).trim());
            return;
        }
        pos = p + 1;
        add(TokenKind.TYPED_LITERAL, start, text.substring(open + 1, p).trim());
    }

    private boolean bangWord(int start) {
        int p = pos + 1;
        while (isIdentPart(at(p))) {
            p++;
        }
        String word = text.substring(pos + 1, p);
        if (!BANG_WORDS.contains(word)) {
            return false;
        }
        if (word.equals("in") && at(p) == '~') {
            p++;
        }
        pos = p;
        add(TokenKind.SYMBOL, start, null);
        return true;
    }

    private void symbol(int start, char c) {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                add(TokenKind.SYMBOL, start, null);
                return;
            }
        }
        int cp = text.codePointAt(pos);
        pos += Character.charCount(cp);
        diagnostics.add(DiagnosticCodes.invalidCharacter(Span.of(start, pos), new String(Character.toChars(cp))));
        add(TokenKind.BAD, start, null);
    }

    private void number(int start) {
        if (text.charAt(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X') && isHex(at(pos + 2))) {
            pos += 2;
            while (isHex(at(pos))) {
                pos++;
            }
            String digits = text.substring(start + 2, pos);
            try {
                add(TokenKind.LONG, start, Long.parseUnsignedLong(digits, 16));
            } catch (NumberFormatException e) {
                diagnostics.add(DiagnosticCodes.badLiteral(Span.of(start, pos), "hex number out of range"));
                add(TokenKind.LONG, start, 0L);
            }
            return;
        }
        boolean real = false;
        digits();
        if (at(pos) == '.' && at(pos + 1) != '.') {
            real = true;
            pos++;
            digits();
        }
        if ((at(pos) == 'e' || at(pos) == 'E')
                && (isDigit(at(pos + 1)) || ((at(pos + 1) == '+' || at(pos + 1) == '-') && isDigit(at(pos + 2))))) {
            real = true;
            pos += 2;
            digits();
        }
        if (isIdentStart(at(pos))) {
            int p = pos;
            while (Character.isLetter(at(p))) {
                p++;
            }
            if (TimespanUnits.isUnit(text.substring(pos, p)) && !isIdentPart(at(p))) {
                pos = p;
                add(TokenKind.TIMESPAN, start, text.substring(start, pos));
                return;
            }
        }
        if (isIdentPart(at(pos))) { // Kusto names may start with digits: 5Minutebin, 2022MostExploited
            while (isIdentPart(at(pos))) {
                pos++;
            }
            add(TokenKind.IDENTIFIER, start, null);
            return;
        }
        String numberText = text.substring(start, pos);
        if (real) {
            add(TokenKind.REAL, start, Double.parseDouble(numberText));
            return;
        }
        try {
            add(TokenKind.LONG, start, Long.parseLong(numberText));
        } catch (NumberFormatException e) {
            add(TokenKind.REAL, start, Double.parseDouble(numberText));
        }
    }

    private void digits() {
        while (isDigit(at(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A quoted string whose quote is at {@code quoteAt}; verbatim strings double the quote to escape it. */
    private void string(int start, int quoteAt, boolean verbatim) {
        char quote = text.charAt(quoteAt);
        pos = quoteAt + 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                diagnostics.add(DiagnosticCodes.unterminatedString(Span.of(start, pos)));
                add(TokenKind.STRING, start, value.toString());
                return;
            }
            char c = text.charAt(pos);
            if (c == quote) {
                if (verbatim && at(pos + 1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                add(TokenKind.STRING, start, value.toString());
                return;
            }
            if (c == '\\' && !verbatim) {
                pos = StringEscapes.decode(text, pos, value, diagnostics);
                continue;
            }
            value.append(c);
            pos++;
        }
    }

    private void multiLine(int start, String fence) {
        int end = text.indexOf(fence, start + 3);
        if (end < 0) {
            pos = text.length();
            diagnostics.add(DiagnosticCodes.unterminatedString(Span.of(start, pos)));
            add(TokenKind.STRING, start, text.substring(start + 3));
            return;
        }
        pos = end + 3;
        add(TokenKind.STRING, start, text.substring(start + 3, end));
    }
}
