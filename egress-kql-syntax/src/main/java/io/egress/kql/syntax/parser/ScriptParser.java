package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.Script;
import io.egress.kql.syntax.tree.Statement;
import io.egress.kql.syntax.tree.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/** Statements: let (values, functions, views), set, declare query_parameters, queries, management commands. */
final class ScriptParser extends MoreOperators {

    ScriptParser(SourceText source, List<Token> tokens, List<Diagnostic> diagnostics) {
        super(source, tokens, diagnostics);
    }

    Script parseScript() {
        List<Statement> statements = parseStatements(false);
        return new Script(statements, new Span(0, source.length()));
    }

    private List<Statement> parseStatements(boolean inBlock) {
        List<Statement> statements = new ArrayList<>();
        while (!atEnd() && !(inBlock && atSymbol("}"))) {
            if (atSymbol(";")) {
                report(DiagnosticCodes.unexpectedToken(caretSpan(), ";"));
                next();
                continue;
            }
            int before = pos;
            statements.add(parseStatement());
            if (accept(";")) {
                continue;
            }
            if (atEnd() || (inBlock && atSymbol("}"))) {
                break;
            }
            if (peek().is(TokenKind.BAD)) { // already reported by the lexer (e.g. a '#' comment line)
                while (peek().is(TokenKind.BAD)) {
                    next();
                }
                continue;
            }
            reportMissingSemicolon();
            if (pos == before || atTerminator()) {
                next();
            }
        }
        return statements;
    }

    /** Like Kusto: at the end of the previous line when the next token starts a new line, else at the token. */
    private void reportMissingSemicolon() {
        report(DiagnosticCodes.missingSemicolon(expectedSpan(), peek().text()));
    }

    private Statement parseStatement() {
        Token t = peek();
        int start = t.start();
        if (t.isSymbol(".") && peek(1).is(TokenKind.IDENTIFIER) && !peek(1).spaceBefore()) {
            while (!atEnd()) {
                next();
            }
            Span span = spanFrom(start);
            return new Statement.CommandStatement(source.slice(span), span);
        }
        if (t.isIdentifier("let")) {
            next();
            return parseLet(start);
        }
        if (t.isIdentifier("set") && peek(1).is(TokenKind.IDENTIFIER) && !peek(1).isSymbol("|")) {
            next();
            Name name = parseName("an option name");
            Expr value = null;
            if (accept("=")) {
                value = parseExpr();
            }
            return new Statement.SetStatement(name, value, spanFrom(start));
        }
        if (t.isIdentifier("alias") && peek(1).isIdentifier("database")) {
            next();
            next();
            Name name = parseName("an alias name");
            expect("=");
            return new Statement.AliasStatement(name, parseExpr(), spanFrom(start));
        }
        if (t.isIdentifier("restrict") && peek(1).isIdentifier("access")) {
            next();
            next();
            expect("to");
            List<Expr> entities = new ArrayList<>();
            if (expect("(")) {
                do {
                    entities.add(parseUnionLeg());
                } while (accept(","));
                closeParen();
            }
            return new Statement.RestrictStatement(entities, spanFrom(start));
        }
        if (t.isIdentifier("declare") && peek(1).isIdentifier("query_parameters")) {
            next();
            next();
            List<Statement.Param> params = parseParams();
            return new Statement.DeclareQueryParameters(params, spanFrom(start));
        }
        Expr expr = parsePipeline();
        return new Statement.QueryStatement(expr, spanFrom(start));
    }

    private Statement parseLet(int start) {
        Name name = parseName("a name after 'let'");
        expect("=");
        int valueStart = peek().start();
        Statement.LetValue value;
        if (atSymbol("(") && looksLikeParams()) {
            List<Statement.Param> params = parseParams();
            value = new Statement.FunctionDecl(params, parseBlock(), spanFrom(valueStart));
        } else if (atIdentifier("view") && peek(1).isSymbol("(")) {
            next();
            List<Statement.Param> params = parseParams();
            value = new Statement.ViewDecl(params, parseBlock(), spanFrom(valueStart));
        } else {
            Expr expr = parsePipeline();
            value = new Statement.ExprValue(expr, expr.span());
        }
        return new Statement.LetStatement(name, value, spanFrom(start));
    }

    private boolean looksLikeParams() {
        Token a = peek(1);
        if (a.isSymbol(")")) {
            return peek(2).isSymbol("{");
        }
        if (a.is(TokenKind.IDENTIFIER)) {
            return peek(2).isSymbol(":");
        }
        return a.isSymbol("[") && peek(2).is(TokenKind.STRING) && peek(3).isSymbol("]") && peek(4).isSymbol(":");
    }

    private List<Statement.Param> parseParams() {
        List<Statement.Param> params = new ArrayList<>();
        expect("(");
        while (!atSymbol(")") && !atEnd()) {
            int before = pos;
            int start = peek().start();
            Name name = parseName("a parameter name");
            expect(":");
            TypeSpec type = parseParamType();
            Expr defaultValue = null;
            if (accept("=")) {
                defaultValue = parseExpr();
            }
            params.add(new Statement.Param(name, type, defaultValue, spanFrom(start)));
            if (!accept(",") || pos == before) {
                break;
            }
        }
        closeParen();
        return params;
    }

    private TypeSpec parseParamType() {
        int start = peek().start();
        if (!atSymbol("(")) {
            return TypeSpec.scalar(parseTypeName(), spanFrom(start));
        }
        return parseTabularType();
    }

    private Statement.Block parseBlock() {
        int start = peek().start();
        if (!expect("{")) {
            return new Statement.Block(List.of(), new Span(start, 0));
        }
        List<Statement> statements = parseStatements(true);
        expect("}");
        return new Statement.Block(statements, spanFrom(start));
    }
}
