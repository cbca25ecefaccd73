package io.egress.kql.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.parser.KqlParser;
import io.egress.kql.syntax.parser.ParseResult;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Statement;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.stream.Collectors;

/** Test helpers: parse and expect no errors, pick out parts of the tree. */
public final class Parsing {
    private Parsing() {
    }

    public static ParseResult ok(String text) {
        ParseResult r = KqlParser.parse(text);
        assertThat(r.errors()).as("errors for %s: %s", text, describe(r)).isEmpty();
        return r;
    }

    public static String describe(ParseResult r) {
        return r.diagnostics().stream().map(d -> where(r, d) + " " + d.code() + " " + d.message())
                .collect(Collectors.joining("; "));
    }

    public static String where(ParseResult r, Diagnostic d) {
        return r.source().line(d.span().start()) + ":" + r.source().column(d.span().start());
    }

    /** The expression of the only (last) query statement. */
    public static Expr query(String text) {
        ParseResult r = ok(text);
        var queries = r.script().queries();
        return queries.get(queries.size() - 1).expr();
    }

    /** The expression of {@code print x = <text>}. */
    public static Expr scalar(String text) {
        Expr q = query("print x = " + text);
        TabularOperator.Print print = (TabularOperator.Print) ((Expr.Source) q).op();
        return print.columns().get(0).value();
    }

    /** The last operator of the query's pipeline. */
    public static TabularOperator lastOperator(String text) {
        Expr q = query(text);
        assertThat(q).isInstanceOf(Expr.Pipe.class);
        return ((Expr.Pipe) q).op();
    }

    public static Statement firstStatement(String text) {
        return ok(text).script().statements().get(0);
    }
}
