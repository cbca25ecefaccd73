package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;

/** {@code name:type} in a datatable, externaldata, parse or tabular-parameter schema. */
public record ColumnDecl(Name name, String type, Span span) implements SyntaxNode {
}
