package io.egress.sigma.compile;

import java.util.ArrayList;
import java.util.List;

/** Prints {@link Pred}s and KQL literals as KQL text, parenthesising only where precedence needs it. */
public final class KqlPrinter {
    private KqlPrinter() {
    }

    /** {@code Table | where ...}, one {@code | where} line per top-level conjunct. */
    public static String query(String table, String where, Pred predicate) {
        StringBuilder text = new StringBuilder(table);
        List<String> lines = new ArrayList<>();
        if (where != null) {
            lines.add(where);
        }
        if (predicate instanceof Pred.And and) {
            and.operands().forEach(p -> lines.add(print(p)));
        } else if (!(predicate instanceof Pred.Const c && c.value())) {
            lines.add(print(predicate));
        }
        for (String line : lines) {
            text.append("\n| where ").append(line);
        }
        return text.toString();
    }

    public static String print(Pred predicate) {
        return print(predicate, 0);
    }

    /** {@code level}: 0 = top, 1 = operand of {@code or}, 2 = operand of {@code and}. */
    private static String print(Pred predicate, int level) {
        if (predicate instanceof Pred.Const c) {
            return c.value() ? "true" : "false";
        }
        if (predicate instanceof Pred.Atom atom) {
            return atom.kql();
        }
        if (predicate instanceof Pred.Not not) {
            return "not(" + print(not.operand(), 0) + ")";
        }
        if (predicate instanceof Pred.Or or) {
            return wrap(join(or.operands(), " or ", 1), level >= 2);
        }
        // An `and` inside an `or` needs no parentheses in KQL; they are printed for the reader.
        return wrap(join(((Pred.And) predicate).operands(), " and ", 2), level == 1);
    }

    /** Longer runs are printed in parenthesised groups, so parsers that nest binary operators stay shallow. */
    static final int GROUP = 50;

    private static String join(List<Pred> operands, String separator, int level) {
        List<String> parts = new ArrayList<>();
        operands.forEach(p -> parts.add(print(p, level)));
        if (parts.size() <= GROUP) {
            return String.join(separator, parts);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += GROUP) {
            groups.add("(" + String.join(separator, parts.subList(i, Math.min(parts.size(), i + GROUP))) + ")");
        }
        return String.join(separator, groups);
    }

    private static String wrap(String text, boolean parenthesise) {
        return parenthesise ? "(" + text + ")" : text;
    }

    /** A KQL string literal: verbatim ({@code @"..."}) when that avoids escaping backslashes. */
    public static String string(String value) {
        boolean control = value.chars().anyMatch(c -> c < 0x20);
        if (value.indexOf('\\') >= 0 && !control) {
            return "@\"" + value.replace("\"", "\"\"") + "\"";
        }
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return text.append('"').toString();
    }

    /** Escapes a literal for an RE2 pattern. */
    public static String regexLiteral(String literal) {
        StringBuilder text = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                text.append('\\');
            }
            if (c == '\n') {
                text.append("\\n");
            } else if (c == '\r') {
                text.append("\\r");
            } else if (c == '\t') {
                text.append("\\t");
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
