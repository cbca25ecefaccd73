package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.ColumnDecl;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.LiteralKind;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.TabularOperator;
import io.egress.kql.syntax.tree.TabularOperator.ParsePart;
import io.egress.kql.syntax.tree.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The less common tabular operators, and the source operators (union, print, range, find, search, evaluate). */
abstract class MoreOperators extends OperatorParser {

    MoreOperators(SourceText source, List<Token> tokens, List<Diagnostic> diagnostics) {
        super(source, tokens, diagnostics);
    }

    @Override
    protected TabularOperator parseSourceOperator() {
        Token t = peek();
        Token after = peek(1);
        if (after.kind() == TokenKind.END || (after.kind() == TokenKind.SYMBOL && !after.isSymbol("(")
                && !after.isSymbol("-") && !after.isSymbol("*") && !after.isSymbol("["))) {
            return null; // a column or variable that happens to be called print/range/search/...
        }
        return switch (t.text()) {
            case "union" -> parseUnion();
            case "print", "find", "search", "evaluate" -> parseOtherOperator(t);
            case "range" -> peek(2).isIdentifier("from") ? parseOtherOperator(t) : null;
            default -> null;
        };
    }

    @Override
    protected TabularOperator parseOtherOperator(Token keyword) {
        int start = keyword.start();
        switch (keyword.text()) {
            case "parse", "parse-where":
                next();
                return parseParse(keyword.text().equals("parse-where"), start);
            case "parse-kv":
                next();
                return parseParseKv(start);
            case "as": {
                next();
                List<Option> options = parseOptions(NO_KEYS);
                return new TabularOperator.As(options, parseName("a name"), spanFrom(start));
            }
            case "serialize": {
                next();
                List<Assignment> columns = atTerminator() ? List.of() : parseAssignments();
                return new TabularOperator.Serialize(columns, spanFrom(start));
            }
            case "getschema":
                next();
                return new TabularOperator.GetSchema(spanFrom(start));
            case "search":
                next();
                return parseSearch(start);
            case "find":
                next();
                return parseFind(start);
            case "sample":
                next();
                return new TabularOperator.Sample(parseExpr(), spanFrom(start));
            case "sample-distinct": {
                next();
                Expr count = parseExpr();
                expect("of");
                return new TabularOperator.SampleDistinct(count, parseExpr(), spanFrom(start));
            }
            case "top-nested":
                return parseTopNested(start);
            case "make-series":
                next();
                return MakeSeriesParser.parse(this, start);
            case "evaluate": {
                next();
                List<Option> options = parseOptions(NO_KEYS);
                Expr.Call plugin = parseCall("a plugin call");
                TypeSpec schema = null;
                if (atSymbol(":") && peek(1).isSymbol("(")) {
                    next();
                    schema = parseTabularType();
                }
                return new TabularOperator.Evaluate(options, plugin, schema, spanFrom(start));
            }
            case "invoke":
                next();
                return new TabularOperator.Invoke(parseCall("a function call"), spanFrom(start));
            case "mv-apply":
                next();
                return parseMvApply(start);
            case "render":
                next();
                return parseRender(start);
            case "fork":
                next();
                return parseFork(start);
            case "facet":
                next();
                return parseFacet(start);
            case "consume":
                next();
                return new TabularOperator.Consume(parseOptions(Set.of("decodeblocks")), spanFrom(start));
            case "partition":
                next();
                return parsePartition(start);
            case "print": {
                next();
                List<Assignment> columns = atTerminator() ? List.of() : parseAssignments();
                return new TabularOperator.Print(columns, spanFrom(start));
            }
            case "range":
                next();
                return parseRange(start);
            case "scan":
                next();
                return parseScan(start);
            case "top-hitters": {
                next();
                Expr count = parseExpr();
                expect("of");
                Expr of = parseExpr();
                Expr by = accept("by") ? parseExpr() : null;
                return new TabularOperator.TopHitters(count, of, by, spanFrom(start));
            }
            case "reduce": {
                next();
                List<Option> options = parseOptions(Set.of("kind"));
                expect("by");
                Expr by = parseExpr();
                List<Option> with = new ArrayList<>();
                if (accept("with")) {
                    with = parseOptions(Set.of("threshold", "characters"));
                    while (accept(",")) {
                        with.addAll(parseOptions(Set.of("threshold", "characters")));
                    }
                }
                return new TabularOperator.Reduce(options, by, with, spanFrom(start));
            }
            default:
                return null;
        }
    }

    protected Expr.Call parseCall(String what) {
        int start = peek().start();
        Expr e = parseUnary();
        if (e instanceof Expr.Call call) {
            return call;
        }
        if (e instanceof Expr.NameRef ref) {
            return new Expr.Call(ref.name(), List.of(), spanFrom(start));
        }
        report(DiagnosticCodes.expected(e.span(), what, source.slice(e.span())));
        return new Expr.Call(new Name("", e.span()), List.of(), e.span());
    }

    private TabularOperator parseParse(boolean filtering, int start) {
        List<Option> options = parseOptions(Set.of("kind", "flags"));
        Expr input = parseExpr();
        expect("with");
        List<ParsePart> parts = new ArrayList<>();
        while (!atTerminator() && !atSymbol(",")) {
            Token t = peek();
            int partStart = t.start();
            if (t.is(TokenKind.STRING)) {
                Expr.Literal text = (Expr.Literal) parsePrimary();
                parts.add(new TabularOperator.ParseText(text, text.span()));
            } else if (t.isSymbol("*")) {
                next();
                parts.add(new TabularOperator.ParseStar(t.span()));
            } else if (t.is(TokenKind.IDENTIFIER) || atBracketName()) {
                Name name = parseName("a column name");
                String type = null;
                if (accept(":")) {
                    type = parseTypeName();
                }
                parts.add(new TabularOperator.ParseColumn(name, type, spanFrom(partStart)));
            } else {
                report(DiagnosticCodes.unexpectedToken(t.span(), t.text()));
                next();
            }
        }
        if (atSymbol(",")) {
            report(DiagnosticCodes.unexpectedToken(caretSpan(), ","));
        }
        return new TabularOperator.Parse(filtering, options, input, parts, spanFrom(start));
    }

    private TabularOperator parseParseKv(int start) {
        Expr input = parseExpr();
        expect("as");
        List<ColumnDecl> columns = parseSchema();
        List<Option> options = List.of();
        if (atIdentifier("with")) {
            next();
            options = parseOptionList();
        }
        return new TabularOperator.ParseKv(input, columns, options, spanFrom(start));
    }

    private List<Expr> parseInTables() {
        List<Expr> tables = new ArrayList<>();
        if (atIdentifier("in") && peek(1).isSymbol("(")) {
            next();
            next();
            do {
                tables.add(parseUnionLeg());
            } while (accept(","));
            closeParen();
        }
        return tables;
    }

    private TabularOperator parseSearch(int start) {
        List<Option> options = parseOptions(Set.of("kind"));
        List<Expr> tables = parseInTables();
        boolean saved = searchPredicate;
        searchPredicate = true;
        Expr predicate = parseExpr();
        searchPredicate = saved;
        return new TabularOperator.Search(options, tables, predicate, spanFrom(start));
    }

    private TabularOperator parseFind(int start) {
        List<Option> options = parseOptions(Set.of("withsource", "datascope", "databasescope"));
        List<Expr> tables = parseInTables();
        accept("where"); // "find 'x'" is short for "find where * has 'x'"
        Expr predicate = parseExpr();
        List<Expr> project = new ArrayList<>();
        if (atIdentifier("project-smart")) {
            next();
        } else if (atIdentifier("project")) {
            next();
            do {
                Name column = parseName("a column name");
                project.add(new Expr.NameRef(column, column.span()));
            } while (accept(","));
        }
        return new TabularOperator.Find(options, tables, predicate, project, spanFrom(start));
    }

    private TabularOperator parseTopNested(int start) {
        List<TabularOperator.TopNestedLevel> levels = new ArrayList<>();
        do {
            int levelStart = peek().start();
            expect("top-nested");
            Expr count = atIdentifier("of") ? null : parseExpr();
            expect("of");
            Assignment of = parseAssignment();
            Expr others = null;
            if (atIdentifier("with") && peek(1).isIdentifier("others")) {
                next();
                next();
                expect("=");
                others = parseExpr();
            }
            expect("by");
            Assignment by = parseAssignment();
            String order = atIdentifier("asc") || atIdentifier("desc") ? next().text() : null;
            levels.add(new TabularOperator.TopNestedLevel(count, of, others, by, order, spanFrom(levelStart)));
        } while (accept(","));
        return new TabularOperator.TopNested(levels, spanFrom(start));
    }

    private TabularOperator parseMvApply(int start) {
        List<Option> options = parseOptions(Set.of("with_itemindex", "kind"));
        List<TabularOperator.ExpandItem> items = parseExpandItems();
        Expr limit = null;
        if (accept("limit")) {
            limit = parseExpr();
        }
        if (atIdentifier("id")) {
            next();
            expect("=");
            parseExpr();
        }
        expect("on");
        Expr subquery = parseImplicitSubquery();
        return new TabularOperator.MvApply(options, items, limit, subquery, spanFrom(start));
    }

    private TabularOperator parseRender(int start) {
        String chart = parseName("a chart type").text();
        List<Option> properties = new ArrayList<>();
        if (atIdentifier("with") && peek(1).isSymbol("(")) {
            next();
            properties.addAll(parseOptionList());
        }
        properties.addAll(parseOptions(Set.of("kind", "title", "xcolumn", "ycolumns", "series", "accumulate")));
        return new TabularOperator.Render(chart, properties, spanFrom(start));
    }

    private TabularOperator parseFork(int start) {
        List<TabularOperator.ForkBranch> branches = new ArrayList<>();
        while (atSymbol("(") || (peek().is(TokenKind.IDENTIFIER) && peek(1).isSymbol("="))) {
            int branchStart = peek().start();
            Name name = null;
            if (peek().is(TokenKind.IDENTIFIER)) {
                name = new Name(next().text(), previous().span());
                next();
            }
            Expr subquery = parseImplicitSubquery();
            branches.add(new TabularOperator.ForkBranch(name, subquery, spanFrom(branchStart)));
        }
        if (branches.isEmpty()) {
            report(DiagnosticCodes.expected(expectedSpan(), "'(' and a sub-query", peek().text()));
        }
        return new TabularOperator.Fork(branches, spanFrom(start));
    }

    private TabularOperator parseFacet(int start) {
        expect("by");
        List<Expr> columns = new ArrayList<>();
        do {
            columns.add(parseExpr());
        } while (accept(","));
        Expr with = null;
        if (atIdentifier("with")) {
            next();
            with = parseImplicitSubquery();
        }
        return new TabularOperator.Facet(columns, with, spanFrom(start));
    }

    private TabularOperator parsePartition(int start) {
        List<Option> options = parseOptions(NO_KEYS);
        expect("by");
        Name byName = parseName("a column name");
        Expr by = new Expr.NameRef(byName, byName.span());
        Expr subquery;
        if (atSymbol("{")) {
            next();
            subquery = parsePipeline();
            expect("}");
        } else {
            int save = pos;
            next();
            boolean implicit = peek().is(TokenKind.IDENTIFIER) && !peek(1).isSymbol("|") && isOperatorWord(peek().text());
            pos = save;
            if (implicit) {
                subquery = parseImplicitSubquery();
            } else {
                expect("(");
                subquery = parsePipeline();
                closeParen();
            }
        }
        return new TabularOperator.Partition(options, by, subquery, spanFrom(start));
    }

    private static boolean isOperatorWord(String w) {
        return Set.of("where", "top", "take", "limit", "summarize", "extend", "project", "sort", "order", "count",
                "distinct", "as", "filter", "mv-expand", "project-away").contains(w);
    }

    private TabularOperator parseScan(int start) {
        List<Option> options = parseOptions(Set.of("with_match_id"));
        List<ColumnDecl> declare = List.of();
        if (atIdentifier("declare")) {
            next();
            declare = parseSchema();
        }
        List<TabularOperator.ScanStep> steps = new ArrayList<>();
        expect("with");
        if (expect("(")) {
            while (atIdentifier("step")) {
                int stepStart = next().start();
                Name name = parseName("a step name");
                String output = null;
                if (atIdentifier("output") && peek(1).isSymbol("=")) {
                    next();
                    next();
                    output = parseName("all, last or none").text();
                }
                expect(":");
                Expr condition = parseExpr();
                List<Assignment> assignments = List.of();
                if (accept("=>")) {
                    assignments = parseAssignments();
                }
                steps.add(new TabularOperator.ScanStep(name, output, condition, assignments, spanFrom(stepStart)));
                if (!accept(";")) {
                    break;
                }
            }
            closeParen();
        }
        return new TabularOperator.Scan(options, declare, steps, spanFrom(start));
    }

    private TabularOperator parseRange(int start) {
        Name column = parseName("a column name");
        expect("from");
        Expr from = parseExpr();
        expect("to");
        Expr to = parseExpr();
        expect("step");
        Expr step = parseExpr();
        return new TabularOperator.Range(column, from, to, step, spanFrom(start));
    }

    /** Literal helper for the make-series parser. */
    static boolean isString(Expr e) {
        return e instanceof Expr.Literal l && l.kind() == LiteralKind.STRING;
    }
}
