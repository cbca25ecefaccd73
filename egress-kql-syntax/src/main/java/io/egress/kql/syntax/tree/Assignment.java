package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.List;

/**
 * One column item of extend/project/summarize/print/...: {@code value}, {@code name = value} or
 * {@code (a, b) = value}. {@code names} is empty when the column is not named.
 */
public record Assignment(List<Name> names, Expr value, Span span) implements SyntaxNode {
    public Assignment {
        names = List.copyOf(names);
    }

    public static Assignment unnamed(Expr value) {
        return new Assignment(List.of(), value, value.span());
    }

    public boolean isNamed() {
        return !names.isEmpty();
    }
}
