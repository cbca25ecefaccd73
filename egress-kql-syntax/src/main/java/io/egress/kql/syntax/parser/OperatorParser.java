package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.SortKey;
import io.egress.kql.syntax.tree.TabularOperator;
import io.egress.kql.syntax.tree.TabularOperator.ExpandItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The common tabular operators and the helpers they share (options, assignments, name patterns). */
abstract class OperatorParser extends ExpressionParser {
    protected static final Set<String> NO_KEYS = Set.of();

    OperatorParser(SourceText source, List<Token> tokens, List<Diagnostic> diagnostics) {
        super(source, tokens, diagnostics);
    }

    /** Operators not handled here (see {@link MoreOperators}); null when the name is unknown. */
    protected abstract TabularOperator parseOtherOperator(Token keyword);

    @Override
    protected TabularOperator parseOperator() {
        Token t = peek();
        if (t.kind() != TokenKind.IDENTIFIER) {
            report(DiagnosticCodes.expectedQueryOperator(caretSpan(), t.text()));
            return skipOperator(t.start());
        }
        int start = t.start();
        switch (t.text()) {
            case "where", "filter" -> {
                next();
                return new TabularOperator.Where(parsePredicate(), spanFrom(start));
            }
            case "extend" -> {
                next();
                return new TabularOperator.Extend(parseAssignments(), spanFrom(start));
            }
            case "project" -> {
                next();
                return new TabularOperator.Project(parseAssignments(), spanFrom(start));
            }
            case "project-away" -> {
                next();
                return new TabularOperator.ProjectAway(parsePatterns(), spanFrom(start));
            }
            case "project-keep" -> {
                next();
                return new TabularOperator.ProjectKeep(parsePatterns(), spanFrom(start));
            }
            case "project-rename" -> {
                next();
                return parseProjectRename(start);
            }
            case "project-reorder" -> {
                next();
                return parseProjectReorder(start);
            }
            case "summarize" -> {
                next();
                return parseSummarize(start);
            }
            case "join" -> {
                next();
                List<Option> options = parseOptions(Set.of("kind"));
                Expr right = parseJoinRight();
                return new TabularOperator.Join(kindOf(options), withoutKind(options), right, parseOn(),
                        spanFrom(start));
            }
            case "lookup" -> {
                next();
                List<Option> options = parseOptions(Set.of("kind"));
                Expr right = parseJoinRight();
                return new TabularOperator.Lookup(kindOf(options), withoutKind(options), right, parseOn(),
                        spanFrom(start));
            }
            case "sort", "order" -> {
                next();
                expect("by");
                List<SortKey> keys = new ArrayList<>();
                do {
                    keys.add(parseSortKey());
                } while (accept(","));
                return new TabularOperator.Sort(keys, spanFrom(start));
            }
            case "top" -> {
                next();
                Expr count = parseExpr();
                expect("by");
                return new TabularOperator.Top(count, parseSortKey(), spanFrom(start));
            }
            case "take", "limit" -> {
                next();
                return new TabularOperator.Take(parseExpr(), spanFrom(start));
            }
            case "distinct" -> {
                next();
                parseOptions(NO_KEYS);
                return new TabularOperator.Distinct(parseAssignments(), spanFrom(start));
            }
            case "count" -> {
                next();
                return new TabularOperator.Count(spanFrom(start));
            }
            case "mv-expand", "mvexpand" -> {
                next();
                return parseMvExpand(start);
            }
            case "union" -> {
                return parseUnion();
            }
            default -> {
                TabularOperator other = parseOtherOperator(t);
                if (other != null) {
                    return other;
                }
                report(DiagnosticCodes.unknownQueryOperator(t.span(), t.text(), OperatorNames.closest(t.text())));
                return skipOperator(start);
            }
        }
    }

    /** Skips the rest of a bad operator, up to the next '|' or the end of the enclosing construct. */
    protected TabularOperator skipOperator(int start) {
        skipUntil("|", ";", ")", "]", "}");
        if (pos < tokens.size() && lastEnd() <= start && !atEnd() && !atTerminator()) {
            next();
        }
        Span span = spanFrom(start);
        return new TabularOperator.Error(source.slice(span), span);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * A where predicate. Kusto accepts {@code where a = b} as a named expression (the filter is the value
     * {@code b}, not a comparison): it becomes a {@link Expr.NamedArg} with a warning.
     */
    protected Expr parsePredicate() {
        int start = peek().start();
        Expr expr = parseExpr();
        if (atSymbol("=") && expr instanceof Expr.NameRef ref) {
            Token eq = next();
            Expr value = parseExpr();
            diagnostics.add(DiagnosticCodes.assignmentInPredicate(eq.span(), ref.name().text()));
            return new Expr.NamedArg(ref.name(), value, spanFrom(start));
        }
        return expr;
    }

    /** {@code key=value} options whose key is in {@code keys} or starts with {@code hint.}. */
    protected List<Option> parseOptions(Set<String> keys) {
        List<Option> options = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() != TokenKind.IDENTIFIER) {
                return options;
            }
            int start = t.start();
            if (t.text().equals("hint") && peek(1).isSymbol(".") && peek(2).is(TokenKind.IDENTIFIER)
                    && peek(3).isSymbol("=")) {
                next();
                next();
                String key = "hint." + next().text();
                next();
                options.add(new Option(key, parseOptionValue(), spanFrom(start)));
            } else if (keys.contains(t.text()) && peek(1).isSymbol("=")) {
                next();
                next();
                options.add(new Option(t.text(), parseOptionValue(), spanFrom(start)));
            } else {
                return options;
            }
        }
    }

    /** An option value: a single name or literal (never a call, so {@code broadcast (T)} stays apart). */
    protected Expr parseOptionValue() {
        Token t = peek();
        if (t.kind() == TokenKind.IDENTIFIER && !t.text().equals("true") && !t.text().equals("false")) {
            next();
            return new Expr.NameRef(new Name(t.text(), t.span()), t.span());
        }
        if (atBracketName()) {
            Name name = parseBracketName();
            return new Expr.NameRef(name, name.span());
        }
        return parseUnary();
    }

    @Override
    protected List<Option> parseOptionList() {
        List<Option> options = new ArrayList<>();
        expect("(");
        while (!atSymbol(")") && !atEnd()) {
            int before = pos;
            int start = peek().start();
            String key = parseName("a property name").text();
            while (accept(".")) {
                key = key + "." + parseName("a property name").text();
            }
            expect("=");
            Expr value = parseExpr();
            if (atSymbol(",") && peek(1).is(TokenKind.IDENTIFIER) && !peek(2).isSymbol("=")
                    && !peek(2).isSymbol(".")) {
                List<Expr> items = new ArrayList<>(List.of(value));
                while (atSymbol(",") && peek(1).is(TokenKind.IDENTIFIER) && !peek(2).isSymbol("=")
                        && !peek(2).isSymbol(".")) {
                    next();
                    items.add(parseExpr());
                }
                value = new Expr.ListExpr(items, spanFrom(value.span().start()));
            }
            options.add(new Option(key, value, spanFrom(start)));
            if (!accept(",") || pos == before) {
                break;
            }
        }
        closeParen();
        return options;
    }

    protected static String kindOf(List<Option> options) {
        for (Option o : options) {
            if (o.key().equals("kind") && o.value() instanceof Expr.NameRef n) {
                return n.name().text();
            }
        }
        return null;
    }

    private static List<Option> withoutKind(List<Option> options) {
        return options.stream().filter(o -> !o.key().equals("kind")).toList();
    }

    protected List<Assignment> parseAssignments() {
        List<Assignment> items = new ArrayList<>();
        do {
            items.add(parseAssignment());
        } while (accept(","));
        return items;
    }

    /** {@code expr}, {@code name = expr} or {@code (a, b) = expr}. */
    protected Assignment parseAssignment() {
        int start = peek().start();
        List<Name> tuple = tryTupleNames();
        if (tuple != null) {
            Expr value = parseExpr();
            return new Assignment(tuple, value, spanFrom(start));
        }
        Expr expr = parseExpr();
        if (atSymbol("=") && expr instanceof Expr.NameRef ref) {
            next();
            Expr value = parseExpr();
            return new Assignment(List.of(ref.name()), value, spanFrom(start));
        }
        return new Assignment(List.of(), expr, spanFrom(start));
    }

    /** {@code (a, b) =}: returns the names (consuming through '='), or null and consumes nothing. */
    private List<Name> tryTupleNames() {
        if (!atSymbol("(")) {
            return null;
        }
        int save = pos;
        next();
        List<Name> names = new ArrayList<>();
        while (peek().is(TokenKind.IDENTIFIER) || atBracketName()) {
            names.add(peek().is(TokenKind.IDENTIFIER) ? new Name(next().text(), previous().span()) : parseBracketName());
            if (!accept(",")) {
                break;
            }
        }
        if (!names.isEmpty() && accept(")") && atSymbol("=")) {
            next();
            return names;
        }
        pos = save;
        return null;
    }

    protected List<Name> parsePatterns() {
        List<Name> names = new ArrayList<>();
        do {
            names.add(parseNamePattern());
        } while (accept(","));
        return names;
    }

    protected SortKey parseSortKey() {
        int start = peek().start();
        Expr expr = parseExpr();
        String direction = null;
        String nulls = null;
        if (atIdentifier("asc") || atIdentifier("desc")) {
            direction = next().text();
        }
        if (atIdentifier("nulls")) {
            next();
            if (atIdentifier("first") || atIdentifier("last")) {
                nulls = next().text();
            } else {
                report(DiagnosticCodes.expected(expectedSpan(), "'first' or 'last'", peek().text()));
            }
        }
        return new SortKey(expr, direction, nulls, spanFrom(start));
    }

    private TabularOperator parseProjectRename(int start) {
        List<TabularOperator.Rename> renames = new ArrayList<>();
        do {
            int itemStart = peek().start();
            Name newName = parseName("a column name");
            expect("=");
            Name oldName = parseName("a column name");
            renames.add(new TabularOperator.Rename(newName, oldName, spanFrom(itemStart)));
        } while (accept(","));
        return new TabularOperator.ProjectRename(renames, spanFrom(start));
    }

    private TabularOperator parseProjectReorder(int start) {
        List<TabularOperator.ReorderItem> items = new ArrayList<>();
        do {
            int itemStart = peek().start();
            Name pattern = parseNamePattern();
            String order = null;
            if (atIdentifier("asc") || atIdentifier("desc") || atIdentifier("granny")) {
                order = next().text();
                if (order.equals("granny") && accept("-")) {
                    order = "granny-" + parseName("asc or desc").text();
                }
            }
            items.add(new TabularOperator.ReorderItem(pattern, order, spanFrom(itemStart)));
        } while (accept(","));
        return new TabularOperator.ProjectReorder(items, spanFrom(start));
    }

    private TabularOperator parseSummarize(int start) {
        List<Option> options = parseOptions(NO_KEYS);
        List<Assignment> aggregates = List.of();
        if (!atIdentifier("by") && !atTerminator()) {
            aggregates = parseAssignments();
        }
        List<Assignment> by = List.of();
        if (accept("by")) {
            by = parseAssignments();
        }
        return new TabularOperator.Summarize(options, aggregates, by, spanFrom(start));
    }

    private Expr parseJoinRight() {
        if (atSymbol("(")) {
            return parsePrimary();
        }
        return parseUnary();
    }

    private List<Expr> parseOn() {
        List<Expr> keys = new ArrayList<>();
        if (atIdentifier("on")) {
            next();
            do {
                keys.add(parseExpr());
            } while (accept(","));
        } else if (atIdentifier("where")) {
            next();
            keys.add(parseExpr());
        } else {
            report(DiagnosticCodes.expected(expectedSpan(), "'on'", peek().text()));
        }
        return keys;
    }

    private TabularOperator parseMvExpand(int start) {
        List<Option> options = parseOptions(Set.of("bagexpansion", "with_itemindex", "kind"));
        List<ExpandItem> items = parseExpandItems();
        Expr limit = null;
        if (accept("limit")) {
            limit = parseExpr();
        }
        return new TabularOperator.MvExpand(options, items, limit, spanFrom(start));
    }

    protected List<ExpandItem> parseExpandItems() {
        List<ExpandItem> items = new ArrayList<>();
        do {
            int itemStart = peek().start();
            Assignment column = parseAssignment();
            String type = null;
            if (atIdentifier("to") && peek(1).isIdentifier("typeof")) {
                next();
                Expr typeOf = parsePrimary();
                type = typeOf instanceof Expr.TypeOf t ? t.type() : null;
            }
            items.add(new ExpandItem(column, type, spanFrom(itemStart)));
        } while (accept(","));
        return items;
    }

    /** {@code union [options] legs}. */
    protected TabularOperator parseUnion() {
        int start = next().start();
        List<Option> options = parseOptions(Set.of("kind", "withsource", "isfuzzy"));
        List<Expr> legs = new ArrayList<>();
        do {
            legs.add(parseUnionLeg());
        } while (accept(","));
        return new TabularOperator.Union(options, legs, spanFrom(start));
    }

    protected Expr parseUnionLeg() {
        Token t = peek();
        boolean pattern = (t.kind() == TokenKind.IDENTIFIER && peek(1).isSymbol("*") && !peek(1).spaceBefore())
                || t.isSymbol("*");
        if (pattern) {
            Name name = parseNamePattern();
            return new Expr.NameRef(name, name.span());
        }
        if (t.isSymbol("(")) {
            return parsePostfix(parsePrimary(), t.start());
        }
        boolean saved = memberPatterns;
        memberPatterns = true;
        try {
            return parseUnary();
        } finally {
            memberPatterns = saved;
        }
    }
}
