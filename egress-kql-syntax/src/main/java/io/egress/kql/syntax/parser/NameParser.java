package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.ColumnDecl;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/** Names ({@code x}, {@code ['x y']}), type names and schemas ({@code (a:string, *)}). */
abstract class NameParser extends ParserCore {

    NameParser(SourceText source, List<Token> tokens, List<Diagnostic> diagnostics) {
        super(source, tokens, diagnostics);
    }


    /** {@code ['name']} or {@code ["name"]}. */
    protected Name parseBracketName() {
        int start = next().start();
        Token s = next();
        next();
        return new Name((String) s.value(), Span.of(start, lastEnd()));
    }


    protected boolean atBracketName() {
        return atBracketNameAt(0);
    }


    protected boolean atBracketNameAt(int k) {
        return peek(k).isSymbol("[") && peek(k + 1).is(TokenKind.STRING) && peek(k + 2).isSymbol("]");
    }


    /** A plain identifier or an escaped name; reports and returns an empty name when missing. */
    protected Name parseName(String what) {
        Token t = peek();
        if (t.kind() == TokenKind.IDENTIFIER) {
            next();
            return new Name(t.text(), t.span());
        }
        if (atBracketName()) {
            return parseBracketName();
        }
        report(DiagnosticCodes.expected(expectedSpan(), what, t.text()));
        return new Name("", new Span(t.start(), 0));
    }


    /** {@code (*)}, {@code (a:string, *)}: a tabular type. */
    protected TypeSpec parseTabularType() {
        int start = peek().start();
        expect("(");
        List<ColumnDecl> columns = new ArrayList<>();
        boolean open = false;
        while (!atSymbol(")") && !atEnd()) {
            int before = pos;
            if (accept("*")) {
                open = true;
            } else {
                columns.add(parseColumnDecl());
            }
            if (!accept(",") || pos == before) {
                break;
            }
        }
        closeParen();
        return new TypeSpec(null, columns, open, spanFrom(start));
    }


    /** {@code (name:type, ...)}; {@code *} entries are skipped (see {@link #parseTabularType}). */
    protected List<ColumnDecl> parseSchema() {
        List<ColumnDecl> columns = new ArrayList<>();
        if (!expect("(")) {
            return columns;
        }
        while (!atSymbol(")") && !atEnd()) {
            int before = pos;
            if (atSymbol("*")) {
                next();
            } else {
                columns.add(parseColumnDecl());
            }
            if (!accept(",")) {
                break;
            }
            if (pos == before) {
                break;
            }
        }
        closeParen();
        return columns;
    }


    protected ColumnDecl parseColumnDecl() {
        int start = peek().start();
        Name name = parseName("a column name");
        String type = "string";
        if (expect(":")) {
            type = parseTypeName();
        }
        return new ColumnDecl(name, type, spanFrom(start));
    }


    /** A scalar type name ({@code string}, {@code long}, ...). */
    protected String parseTypeName() {
        Token t = peek();
        if (t.kind() == TokenKind.IDENTIFIER) {
            next();
            return t.text();
        }
        report(DiagnosticCodes.expected(expectedSpan(), "a type name", t.text()));
        return "";
    }

    /** A column name or a wildcard pattern such as {@code Account*} / {@code *Id}. */
    protected Name parseNamePattern() {
        Token t = peek();
        if (atBracketName()) {
            return parseBracketName();
        }
        if (t.kind() != TokenKind.IDENTIFIER && !t.isSymbol("*")) {
            report(DiagnosticCodes.expected(expectedSpan(), "a column name", t.text()));
            return new Name("", new Span(t.start(), 0));
        }
        StringBuilder text = new StringBuilder(next().text());
        while ((peek().is(TokenKind.IDENTIFIER) || atSymbol("*")) && !peek().spaceBefore()
                && (previous().isSymbol("*") || atSymbol("*"))) {
            text.append(next().text());
        }
        return new Name(text.toString(), spanFrom(t.start()));
    }
}
