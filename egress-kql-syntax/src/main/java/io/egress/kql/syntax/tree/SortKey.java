package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;

/** {@code expr [asc|desc] [nulls first|last]}; direction and nulls are null when not written. */
public record SortKey(Expr expr, String direction, String nulls, Span span) implements SyntaxNode {
    public boolean descending() {
        return !"asc".equals(direction); // KQL sorts descending by default
    }
}
