package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.Objects;

/**
 * A name as written: an identifier ({@code DeviceName}, {@code $left}), an escaped name
 * ({@code ['Column Name']}, text decoded), or a column pattern with {@code *} where an operator allows it.
 */
public record Name(String text, Span span) implements SyntaxNode {
    public Name {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
    }
}
