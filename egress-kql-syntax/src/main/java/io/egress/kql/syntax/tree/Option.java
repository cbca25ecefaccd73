package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;

/**
 * A {@code key=value} parameter of an operator: {@code kind=leftouter}, {@code hint.strategy=broadcast},
 * {@code withsource=Table}, {@code bagexpansion=array}, a render property. {@code key} is as written
 * (dotted keys joined by '.'); {@code value} is an expression (names come as {@link Expr.NameRef}).
 */
public record Option(String key, Expr value, Span span) implements SyntaxNode {
}
