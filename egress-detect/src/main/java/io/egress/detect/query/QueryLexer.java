package io.egress.detect.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, forgiving KQL tokenizer for rule analysis (branch names, patterns, rewrites). It skips
 * comments and decodes string literals ({@code "..."}, {@code '...'}, verbatim {@code @"..."},
 * obfuscated {@code h"..."}, multi-line {@code ```...```}); it never fails: unknown characters become
 * punctuation. Parsing proper, with diagnostics, is egress-kql-syntax's job.
 */
public final class QueryLexer {
    private QueryLexer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("```", i)) {
                int close = text.indexOf("```", i + 3);
                int end = close < 0 ? n : close + 3;
                tokens.add(new Token(Token.Kind.STRING, text.substring(i + 3, close < 0 ? n : close), i, end));
                i = end;
            } else if ((c == '@' || c == 'h' || c == 'H') && i + 1 < n && isQuote(text.charAt(i + 1))) {
                boolean verbatim = c == '@';
                i = string(text, i, i + 1, verbatim, tokens);
            } else if ((c == 'h' || c == 'H') && i + 2 < n && text.charAt(i + 1) == '@' && isQuote(text.charAt(i + 2))) {
                i = string(text, i, i + 2, true, tokens);
            } else if (isQuote(c)) {
                i = string(text, i, i, false, tokens);
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENT, text.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
            } else {
                int len = twoCharOperator(text, i) ? 2 : 1;
                tokens.add(new Token(Token.Kind.PUNCT, text.substring(i, i + len), i, i + len));
                i += len;
            }
        }
        return tokens;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean twoCharOperator(String text, int i) {
        if (i + 1 >= text.length()) {
            return false;
        }
        String two = text.substring(i, i + 2);
        return switch (two) {
            case "==", "!=", "=~", "!~", "<=", ">=", "=>", ".." -> true;
            default -> false;
        };
    }

    /** Reads a string literal whose quote is at {@code quoteAt}; returns the offset after it. */
    private static int string(String text, int start, int quoteAt, boolean verbatim, List<Token> tokens) {
        char quote = text.charAt(quoteAt);
        StringBuilder value = new StringBuilder();
        int i = quoteAt + 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == quote) {
                if (verbatim && i + 1 < n && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (!verbatim && c == '\\' && i + 1 < n) {
                char next = text.charAt(i + 1);
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                i += 2;
                continue;
            }
            if (c == '\n' && !verbatim) {
                break;
            }
            value.append(c);
            i++;
        }
        tokens.add(new Token(Token.Kind.STRING, value.toString(), start, i));
        return i;
    }
}
