package io.egress.telemetry.normalize;

import java.util.ArrayList;
import java.util.List;

/** Parses the small expression language of the mapping files; errors name the text and the position. */
public final class ExprParser {
    private final String text;
    private int at;

    private ExprParser(String text) {
        this.text = text;
    }

    public static Expr parse(String text) {
        ExprParser parser = new ExprParser(text);
        Expr expr = parser.expression();
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
        }
        return expr;
    }

    private Expr expression() {
        skipSpace();
        if (at >= text.length()) {
            throw error("expression expected");
        }
        char c = text.charAt(at);
        if (c == '\'') {
            int end = text.indexOf('\'', at + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(at + 1, end);
            at = end + 1;
            return new Expr.Literal(value);
        }
        if (Character.isDigit(c) || c == '-') {
            int start = at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            return new Expr.Literal(text.substring(start, at));
        }
        int start = at;
        while (at < text.length() && isNameChar(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw error("unexpected '" + c + "'");
        }
        String name = text.substring(start, at);
        skipSpace();
        if (at < text.length() && text.charAt(at) == '(') {
            at++;
            List<Expr> args = new ArrayList<>();
            skipSpace();
            if (at < text.length() && text.charAt(at) == ')') {
                at++;
            } else {
                while (true) {
                    args.add(expression());
                    skipSpace();
                    if (at < text.length() && text.charAt(at) == ',') {
                        at++;
                    } else if (at < text.length() && text.charAt(at) == ')') {
                        at++;
                        break;
                    } else {
                        throw error("',' or ')' expected");
                    }
                }
            }
            MappingFunctions.Function function = MappingFunctions.get(name, args.size());
            if (function == null) {
                throw error("unknown function " + name + "/" + args.size() + "; known: " + MappingFunctions.names());
            }
            return new Expr.Call(name, function, List.copyOf(args));
        }
        if (name.startsWith("$")) {
            if (!EvalContext.VARIABLES.contains(name)) {
                throw error("unknown variable " + name + "; known: " + EvalContext.VARIABLES);
            }
            return new Expr.Variable(name);
        }
        return new Expr.Field(name);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '.';
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("in expression `" + text + "` at column " + (at + 1) + ": " + message);
    }
}
