package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.List;

/** A statement of a script or of a function body. */
public sealed interface Statement extends SyntaxNode {

    /** {@code let name = value}: value is a scalar or tabular {@link Expr}, a function or a view. */
    record LetStatement(Name name, LetValue value, Span span) implements Statement {
    }

    /** A query (any expression, normally tabular). */
    record QueryStatement(Expr expr, Span span) implements Statement {
    }

    /** {@code set name [= value]}. */
    record SetStatement(Name name, Expr value, Span span) implements Statement {
    }

    /** {@code declare query_parameters(p:type [= default], ...)}. */
    record DeclareQueryParameters(List<Param> params, Span span) implements Statement {
        public DeclareQueryParameters {
            params = List.copyOf(params);
        }
    }

    /** {@code alias database name = cluster("c").database("d")}. */
    record AliasStatement(Name name, Expr value, Span span) implements Statement {
    }

    /** {@code restrict access to (entities)}; entities are names, patterns or {@code database("d").*}. */
    record RestrictStatement(List<Expr> entities, Span span) implements Statement {
        public RestrictStatement {
            entities = List.copyOf(entities);
        }
    }

    /** A management command ({@code .show tables}); kept as raw text, never executed. */
    record CommandStatement(String text, Span span) implements Statement {
    }

    /** What a let binds. */
    sealed interface LetValue extends SyntaxNode permits ExprValue, FunctionDecl, ViewDecl {
    }

    /** {@code let x = <expr>} (scalar, tabular, materialize(...), ...). */
    record ExprValue(Expr expr, Span span) implements LetValue {
    }

    /** {@code let f = (a:string, b:int = 5, T:(*)) { body }}. */
    record FunctionDecl(List<Param> params, Block body, Span span) implements LetValue {
        public FunctionDecl {
            params = List.copyOf(params);
        }
    }

    /** {@code let v = view (params) { body }}. */
    record ViewDecl(List<Param> params, Block body, Span span) implements LetValue {
        public ViewDecl {
            params = List.copyOf(params);
        }
    }

    /** A function body: let statements and a final expression statement. */
    record Block(List<Statement> statements, Span span) implements SyntaxNode {
        public Block {
            statements = List.copyOf(statements);
        }
    }

    /** A function or query parameter; {@code defaultValue} may be null. */
    record Param(Name name, TypeSpec type, Expr defaultValue, Span span) implements SyntaxNode {
    }
}
