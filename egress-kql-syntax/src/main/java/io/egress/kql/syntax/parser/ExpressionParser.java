package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.BinaryOp;
import io.egress.kql.syntax.tree.ColumnDecl;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.LiteralKind;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Scalar expressions, literals, names and pipelines; tabular operators come from the subclass. */
abstract class ExpressionParser extends NameParser {
    /** Words that are never a bare name in an expression. */
    private static final Set<String> RESERVED = Set.of("and", "or", "string", "int", "long", "real",
            "decimal", "dynamic", "datetime", "timespan");
    private static final Set<String> NUMERIC_TYPES = Set.of("int", "long", "real", "double", "decimal", "bool",
            "boolean");

    /** True while parsing a search predicate, where {@code Column:"value"} is allowed. */
    protected boolean searchPredicate;

    /** True while parsing union/find/restrict legs, where {@code database("d").T*} and {@code .*} are allowed. */
    protected boolean memberPatterns;

    ExpressionParser(SourceText source, List<Token> tokens, List<Diagnostic> diagnostics) {
        super(source, tokens, diagnostics);
    }

    /** Parses the operator after a '|' (the '|' is already consumed). */
    protected abstract TabularOperator parseOperator();

    /** Parses a source operator (union, print, range, ...) at the current token, or returns null. */
    protected abstract TabularOperator parseSourceOperator();

    // ---- pipelines ---------------------------------------------------------------------------

    /** An expression followed by any number of '| operator'. */
    protected Expr parsePipeline() {
        int start = peek().start();
        Expr expr = parseExpr();
        return continuePipeline(expr, start);
    }

    protected Expr continuePipeline(Expr expr, int start) {
        for (int chain = 0; atSymbol("|"); chain++) {
            if (chain > MAX_CHAIN) {
                giveUp(MAX_CHAIN);
                return expr;
            }
            next();
            TabularOperator op = parseOperator();
            expr = new Expr.Pipe(expr, op, spanFrom(start));
        }
        return expr;
    }

    /** A sub-query with implicit input, inside parentheses: {@code (take 1 | where x)}. */
    protected Expr parseImplicitSubquery() {
        int start = peek().start();
        if (!expect("(")) {
            return new Expr.Error(caretSpan());
        }
        Expr expr = new Expr.InputRef(new Span(peek().start(), 0));
        if (!atSymbol(")")) {
            expr = new Expr.Pipe(expr, parseOperator(), spanFrom(peek().start()));
            expr = continuePipeline(expr, start + 1);
        }
        closeParen();
        return expr;
    }

    // ---- scalar expressions ------------------------------------------------------------------

    protected Expr parseExpr() {
        try {
            if (!enter()) {
                return new Expr.Error(new Span(peek().start(), 0));
            }
            return parseBinary(1);
        } finally {
            leave();
        }
    }

    private Expr parseBinary(int minPrecedence) {
        int start = peek().start();
        Expr left = parseUnary();
        // a run of one logical operator (a or b or c ...) is kept as a list and built at its end, so that a
        // long run becomes a balanced tree (depth log n) instead of a left-deep one
        List<Expr> run = null;
        BinaryOp runOp = null;
        List<Integer> runEnds = null;
        for (int chain = 0; ; chain++) {
            if (chain > MAX_CHAIN) {
                giveUp(MAX_CHAIN);
                return logicRun(runOp, run, runEnds, left, start);
            }
            Token t = peek();
            if ((t.isIdentifier("between") || t.isSymbol("!between")) && minPrecedence <= 3) {
                left = parseBetween(logicRun(runOp, run, runEnds, left, start), start);
                run = null;
                continue;
            }
            BinaryOp op = binaryOperatorAt();
            if (op == null || op.precedence() < minPrecedence) {
                return logicRun(runOp, run, runEnds, left, start);
            }
            consumeOperator(op);
            Expr right = op.takesList() ? parseListOperand() : parseBinary(op.precedence() + 1);
            if (op == BinaryOp.AND || op == BinaryOp.OR) {
                if (run == null || runOp != op) {
                    left = logicRun(runOp, run, runEnds, left, start);
                    run = new ArrayList<>();
                    run.add(left);
                    runOp = op;
                    runEnds = new ArrayList<>();
                    runEnds.add(left.span().end());
                }
                run.add(right);
                runEnds.add(lastEnd());
                chain--; // logical runs are not limited: they are built balanced
                continue;
            }
            left = new Expr.Binary(op, logicRun(runOp, run, runEnds, left, start), right, spanFrom(start));
            run = null;
        }
    }

    /** Runs up to this length stay left-deep, as Kusto writes them; longer ones are built balanced. */
    private static final int LEFT_DEEP_RUN = 64;

    /** The tree of a logical run: left-deep when short, balanced when long; {@code left} when there is none. */
    private static Expr logicRun(BinaryOp op, List<Expr> run, List<Integer> runEnds, Expr left, int start) {
        if (run == null) {
            return left;
        }
        if (run.size() <= LEFT_DEEP_RUN) {
            Expr acc = run.get(0);
            for (int i = 1; i < run.size(); i++) {
                acc = new Expr.Binary(op, acc, run.get(i), Span.of(start, Math.max(start, runEnds.get(i))));
            }
            return acc;
        }
        return balanced(op, run, 0, run.size());
    }

    private static Expr balanced(BinaryOp op, List<Expr> terms, int from, int to) {
        if (to - from == 1) {
            return terms.get(from);
        }
        int mid = (from + to) >>> 1;
        Expr left = balanced(op, terms, from, mid);
        Expr right = balanced(op, terms, mid, to);
        return new Expr.Binary(op, left, right, Span.of(left.span().start(), right.span().end()));
    }

    /** The binary operator at the current token, or null; reports (and accepts) AND, OR, &&, ||. */
    private BinaryOp binaryOperatorAt() {
        BinaryOp misspelled = misspelledOperatorAt();
        if (misspelled != null) {
            return misspelled;
        }
        Token t = peek();
        if (t.kind() == TokenKind.SYMBOL) {
            if (t.text().equals(":")) {
                return searchPredicate ? BinaryOp.SEARCH_HAS : null;
            }
            if (t.text().equals("<>")) {
                return BinaryOp.NE;
            }
            return BinaryOp.fromSpelling(t.text());
        }
        if (t.kind() != TokenKind.IDENTIFIER) {
            return null;
        }
        if (t.text().equals("matches")) {
            return peek(1).isIdentifier("regex") ? BinaryOp.MATCHES_REGEX : null;
        }
        BinaryOp op = switch (t.text()) {
            case "containscs" -> BinaryOp.CONTAINS_CS;
            case "notcontains" -> BinaryOp.NOT_CONTAINS;
            case "notcontainscs" -> BinaryOp.NOT_CONTAINS_CS;
            default -> BinaryOp.fromSpelling(t.text());
        };
        return op != null && op.isWord() ? op : null;
    }

    private BinaryOp misspelledOperatorAt() {
        Token t = peek();
        String word = t.text();
        BinaryOp op = null;
        if (t.kind() == TokenKind.IDENTIFIER && (word.equals("AND") || word.equals("And"))) {
            op = BinaryOp.AND;
        } else if (t.kind() == TokenKind.IDENTIFIER && (word.equals("OR") || word.equals("Or"))) {
            op = BinaryOp.OR;
        } else if (t.isSymbol("&&")) {
            op = BinaryOp.AND;
        } else if (t.isSymbol("|") && peek(1).isSymbol("|") && !peek(1).spaceBefore()) {
            op = BinaryOp.OR;
            word = "||";
        }
        if (op == null || !startsOperand(op == BinaryOp.OR && word.equals("||") ? 2 : 1)) {
            return null;
        }
        return op;
    }

    /** Consumes the operator token(s) at the current position, reporting a misspelled one. */
    private void consumeOperator(BinaryOp op) {
        Token t = peek();
        if (misspelledOperatorAt() != null) {
            boolean doubleBar = t.isSymbol("|");
            Span span = doubleBar ? Span.of(t.start(), peek(1).end()) : t.span();
            report(DiagnosticCodes.wrongOperatorSpelling(span, doubleBar ? "||" : t.text(), op.spelling()));
            if (doubleBar) {
                next();
            }
        }
        next();
        if (op == BinaryOp.MATCHES_REGEX) {
            next();
        }
    }

    /** Whether the token {@code ahead} positions away can start an operand. */
    private boolean startsOperand(int ahead) {
        Token t = peek(ahead);
        return t.kind() != TokenKind.END && !t.isSymbol("|") && !t.isSymbol(")") && !t.isSymbol(";")
                && !t.isSymbol(",") && !t.isSymbol("]") && !t.isSymbol("}");
    }

    private Expr parseBetween(Expr value, int start) {
        boolean negated = next().text().startsWith("!");
        expect("(");
        Expr low = parseExpr();
        expect("..");
        Expr high = parseExpr();
        closeParen();
        return new Expr.Between(value, low, high, negated, spanFrom(start));
    }

    /** The right side of in / has_any: a parenthesised list (items may be sub-queries). */
    private Expr parseListOperand() {
        int start = peek().start();
        if (!atSymbol("(")) {
            report(DiagnosticCodes.expected(expectedSpan(), "'(' and a list", peek().text()));
            return new Expr.Error(new Span(peek().start(), 0));
        }
        next();
        List<Expr> items = parseCommaList(")");
        closeParen();
        return new Expr.ListExpr(items, spanFrom(start));
    }

    /** Items separated by ',' up to (not including) the closer; items are pipelines. */
    protected List<Expr> parseCommaList(String closer) {
        boolean savedPatterns = memberPatterns;
        memberPatterns = false; // patterns are for legs, not for arguments inside them
        try {
            return parseCommaItems(closer);
        } finally {
            memberPatterns = savedPatterns;
        }
    }

    private List<Expr> parseCommaItems(String closer) {
        List<Expr> items = new ArrayList<>();
        if (atSymbol(closer)) {
            return items;
        }
        while (true) {
            int before = pos;
            items.add(parseArgument());
            if (accept(",")) {
                if (closer.equals("]") && atSymbol("]")) {
                    return items; // Kusto allows a trailing comma before ']'
                }
                continue;
            }
            if (atSymbol(closer) || atEnd() || pos == before) {
                return items;
            }
            report(DiagnosticCodes.expected(expectedSpan(), "',' or '" + closer + "'", peek().text()));
            skipUntil(closer, ",");
            if (!accept(",")) {
                return items;
            }
        }
    }

    /** A function argument or list item: {@code name = value}, {@code *}, or a pipeline. */
    protected Expr parseArgument() {
        Token t = peek();
        boolean bracketed = atBracketName() && peek(3).isSymbol("=");
        if (t.kind() == TokenKind.IDENTIFIER && peek(1).isSymbol("=") || bracketed) {
            int start = t.start();
            Name name = bracketed ? parseBracketName() : new Name(next().text(), t.span());
            next();
            Expr value = parsePipeline();
            return new Expr.NamedArg(name, value, spanFrom(start));
        }
        return parsePipeline();
    }

    protected Expr parseUnary() {
        Token t = peek();
        if (t.isSymbol("-") || t.isSymbol("+")) {
            next();
            // as in Kusto, a sign cannot follow a sign directly ("- -1"), only "-(-1)"
            int operandStart = peek().start();
            Expr operand = parsePostfix(parsePrimary(), operandStart);
            return new Expr.Unary(t.text(), operand, spanFrom(t.start()));
        }
        return parsePostfix(parsePrimary(), t.start());
    }

    protected Expr parsePostfix(Expr expr, int start) {
        for (int chain = 0; ; chain++) {
            if (chain > MAX_CHAIN) {
                giveUp(MAX_CHAIN);
                return expr;
            }
            if (atSymbol(".") && peek(1).isSymbol("[") && !atBracketNameAt(1)) {
                next();
                next();
                Expr index = parseExpr();
                expect("]");
                expr = new Expr.Index(expr, index, spanFrom(start));
            } else if (atSymbol(".") && !(expr instanceof Expr.Error)) {
                next();
                Name member = parseMemberName();
                if (atSymbol("(") && !member.text().isEmpty()) {
                    next();
                    List<Expr> args = parseCommaList(")");
                    closeParen();
                    expr = new Expr.MemberCall(expr, member, args, spanFrom(start));
                } else {
                    expr = new Expr.Member(expr, member, spanFrom(start));
                }
            } else if (atSymbol("[") && !peek().spaceBefore() || atSymbol("[") && isIndexable(expr)) {
                next();
                Expr index = parseExpr();
                expect("]");
                expr = new Expr.Index(expr, index, spanFrom(start));
            } else {
                return expr;
            }
        }
    }

    private static boolean isIndexable(Expr e) {
        return e instanceof Expr.NameRef || e instanceof Expr.Member || e instanceof Expr.Index
                || e instanceof Expr.Call || e instanceof Expr.Parenthesized;
    }

    private Name parseMemberName() {
        Token t = peek();
        if (memberPatterns && (t.isSymbol("*") || t.kind() == TokenKind.IDENTIFIER && peek(1).isSymbol("*")
                && !peek(1).spaceBefore())) {
            return parseNamePattern();
        }
        if (t.kind() == TokenKind.IDENTIFIER) {
            next();
            return new Name(t.text(), t.span());
        }
        if (t.isSymbol("[") && peek(1).is(TokenKind.STRING) && peek(2).isSymbol("]")) {
            return parseBracketName();
        }
        if (t.is(TokenKind.TYPED_LITERAL)) { // a member called "time" followed by "(": not worth special casing
            next();
            return new Name(t.text(), t.span());
        }
        report(DiagnosticCodes.expected(expectedSpan(), "a name after '.'", t.text()));
        return new Name("", new Span(t.start(), 0));
    }

    protected Expr parsePrimary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING:
                return parseStrings();
            case LONG:
                next();
                return new Expr.Literal(LiteralKind.LONG, t.text(), t.value(), t.span());
            case REAL:
                next();
                return new Expr.Literal(LiteralKind.REAL, t.text(), t.value(), t.span());
            case TIMESPAN:
                next();
                return new Expr.Literal(LiteralKind.TIMESPAN, t.text(), t.value(), t.span());
            case TYPED_LITERAL:
                next();
                return typedLiteral(t);
            case IDENTIFIER:
                return parseIdentifierPrimary(t);
            case SYMBOL:
                return parseSymbolPrimary(t);
            default:
                break;
        }
        return missing();
    }

    /** Reports a missing expression; consumes the offending token unless it ends a construct. */
    protected Expr missing() {
        Token t = peek();
        if (atTerminator()) {
            // like Kusto: right after the last token, so "x == " points just after "=="
            Span at = new Span(pos == 0 ? t.start() : lastEnd(), 0);
            report(DiagnosticCodes.missingExpression(at, t.text()));
            return new Expr.Error(at);
        }
        next();
        if (t.kind() != TokenKind.BAD) {
            report(DiagnosticCodes.unexpectedToken(t.span(), t.text()));
        }
        return new Expr.Error(t.span());
    }

    private Expr parseStrings() {
        int start = peek().start();
        StringBuilder value = new StringBuilder();
        while (peek().is(TokenKind.STRING)) {
            value.append((String) next().value());
        }
        Span span = spanFrom(start);
        return new Expr.Literal(LiteralKind.STRING, source.slice(span), value.toString(), span);
    }

    private Expr typedLiteral(Token t) {
        String keyword = t.text().substring(0, t.text().indexOf('(')).trim();
        String inner = (String) t.value();
        if (inner.equals("null")) {
            return new Expr.TypedNull(keyword, t.span());
        }
        LiteralKind kind = switch (keyword) {
            case "datetime" -> LiteralKind.DATETIME;
            case "guid" -> LiteralKind.GUID;
            default -> LiteralKind.TIMESPAN;
        };
        if (inner.isEmpty()) {
            report(DiagnosticCodes.badLiteral(t.span(), "empty " + keyword + "() literal"));
        }
        return new Expr.Literal(kind, t.text(), inner, t.span());
    }

    private Expr parseIdentifierPrimary(Token t) {
        String word = t.text();
        boolean call = peek(1).isSymbol("(");
        if (word.equals("true") || word.equals("false")) {
            next();
            return new Expr.Literal(LiteralKind.BOOL, word, Boolean.valueOf(word), t.span());
        }
        if (call && word.equals("dynamic")) {
            return parseDynamic();
        }
        if (call && NUMERIC_TYPES.contains(word)) {
            return TypedLiterals.parse(this, word);
        }
        if (call && word.equals("typeof")) {
            next();
            next();
            int typeStart = peek().start();
            skipUntil(")");
            String type = source.slice(spanFrom(typeStart)).trim();
            closeParen();
            return new Expr.TypeOf(type, spanFrom(t.start()));
        }
        if (word.equals("datatable") && (call || peek(1).isSymbol("["))) {
            return parseDatatable();
        }
        if ((word.equals("externaldata") || word.equals("external_data")) && (call || peek(1).isSymbol("["))) {
            return parseExternalData();
        }
        // union, print, search, find, evaluate are keywords even before '('; range(a, b, c) is a function
        TabularOperator source = call && word.equals("range") ? null : parseSourceOperator();
        if (source != null) {
            return new Expr.Source(source, source.span());
        }
        if (call) {
            next();
            next();
            List<Expr> args = parseCommaList(")");
            closeParen();
            return new Expr.Call(new Name(word, t.span()), args, spanFrom(t.start()));
        }
        if (RESERVED.contains(word)) {
            return missing();
        }
        next();
        return new Expr.NameRef(new Name(word, t.span()), t.span());
    }

    private Expr parseSymbolPrimary(Token t) {
        if (t.isSymbol("(")) {
            next();
            List<Expr> items = parseCommaList(")");
            boolean trailingComma = previous().isSymbol(",");
            closeParen();
            Span span = spanFrom(t.start());
            if (items.size() == 1 && !trailingComma) {
                return new Expr.Parenthesized(items.get(0), span);
            }
            return new Expr.ListExpr(items, span);
        }
        if (t.isSymbol("[")) {
            if (atBracketName()) {
                Name name = parseBracketName();
                return new Expr.NameRef(name, name.span());
            }
            return parseBareList();
        }
        if (t.isSymbol("*")) {
            next();
            return new Expr.Star(t.span());
        }
        return missing();
    }

    /** A JSON-style {@code [a, b]} list where KQL needs {@code dynamic([a, b])}: reported with a quick fix. */
    private Expr parseBareList() {
        int start = next().start();
        List<Expr> items = parseCommaList("]");
        if (!atSymbol("]")) {
            report(DiagnosticCodes.expected(expectedSpan(), "']'", peek().text()));
            skipUntil("]");
        }
        accept("]");
        Span span = spanFrom(start);
        report(DiagnosticCodes.bareList(span, source.slice(span)));
        return new Expr.ListExpr(items, span);
    }

    private Expr parseDynamic() {
        int start = next().start();
        next();
        int innerStart = peek().start();
        DynamicValues.parse(this);
        Span inner = Span.of(innerStart, Math.max(innerStart, lastEnd()));
        closeParen();
        return new Expr.DynamicLiteral(source.slice(inner).trim(), spanFrom(start));
    }

    private Expr parseDatatable() {
        int start = next().start();
        List<ColumnDecl> schema = parseSchema();
        List<Expr> values = new ArrayList<>();
        if (expect("[")) {
            values = parseCommaList("]");
            expect("]");
        }
        return new Expr.Datatable(schema, values, spanFrom(start));
    }

    private Expr parseExternalData() {
        int start = next().start();
        List<ColumnDecl> schema = parseSchema();
        List<Expr> uris = new ArrayList<>();
        if (expect("[")) {
            uris = parseCommaList("]");
            expect("]");
        }
        List<io.egress.kql.syntax.tree.Option> options = new ArrayList<>();
        if (atIdentifier("with") && peek(1).isSymbol("(")) {
            next();
            options = parseOptionList();
        }
        return new Expr.ExternalData(schema, uris, options, spanFrom(start));
    }

    /** {@code (key = value, ...)} as in {@code with (format="csv")}; values may be bare names or lists. */
    protected abstract List<io.egress.kql.syntax.tree.Option> parseOptionList();

    /** Used by helpers in this package. */
    void reportPublic(Diagnostic d) {
        report(d);
    }
}
