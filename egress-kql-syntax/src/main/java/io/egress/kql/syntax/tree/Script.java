package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.List;

/** A whole query text: statements separated by ';'. */
public record Script(List<Statement> statements, Span span) implements SyntaxNode {
    public Script {
        statements = List.copyOf(statements);
    }

    /** The query statements (usually one), in order. */
    public List<Statement.QueryStatement> queries() {
        return statements.stream().filter(s -> s instanceof Statement.QueryStatement)
                .map(s -> (Statement.QueryStatement) s).toList();
    }
}
