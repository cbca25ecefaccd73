package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;

/** Every node of the syntax tree knows where it came from. */
public interface SyntaxNode {
    Span span();
}
