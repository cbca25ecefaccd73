package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.List;

/**
 * A parameter type: a scalar type name ({@code string}), or a tabular schema {@code (*)} /
 * {@code (a:string, *)} when {@code scalar} is null ({@code openSchema} says whether {@code *} was given).
 */
public record TypeSpec(String scalar, List<ColumnDecl> columns, boolean openSchema, Span span) implements SyntaxNode {
    public TypeSpec {
        columns = List.copyOf(columns);
    }

    public static TypeSpec scalar(String type, Span span) {
        return new TypeSpec(type, List.of(), false, span);
    }

    public boolean isTabular() {
        return scalar == null;
    }
}
