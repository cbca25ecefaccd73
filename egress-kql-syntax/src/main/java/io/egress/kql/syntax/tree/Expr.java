package io.egress.kql.syntax.tree;

import io.egress.kql.syntax.text.Span;
import java.util.List;

/** Scalar and tabular expressions (a tabular pipeline is an expression, as in Kusto). */
public sealed interface Expr extends SyntaxNode {

    /** A column, variable, table or function-without-parens reference. */
    record NameRef(Name name, Span span) implements Expr {
    }

    /** A scalar literal; see {@link LiteralKind} for the type of {@code value}. {@code text} is the source. */
    record Literal(LiteralKind kind, String text, Object value, Span span) implements Expr {
    }

    /** {@code dynamic(...)}; {@code jsonText} is the text between the parentheses, trimmed. */
    record DynamicLiteral(String jsonText, Span span) implements Expr {
    }

    /**
     * {@code int(null)}, {@code datetime(null)}, ...; {@code type} is the canonical type name (the aliases
     * {@code time}, {@code double}, {@code boolean} become {@code timespan}, {@code real}, {@code bool}).
     */
    record TypedNull(String type, Span span) implements Expr {
        public TypedNull {
            type = switch (type) {
                case "time" -> "timespan";
                case "double" -> "real";
                case "boolean" -> "bool";
                default -> type;
            };
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {
    }

    /** Unary {@code -x} / {@code +x} ({@code not} is an ordinary function call). */
    record Unary(String op, Expr operand, Span span) implements Expr {
    }

    /** {@code x between (lo .. hi)} / {@code x !between (lo .. hi)}. */
    record Between(Expr value, Expr low, Expr high, boolean negated, Span span) implements Expr {
    }

    /** {@code fn(args)}; arguments may be {@link NamedArg}, {@link Star} or whole pipelines. */
    record Call(Name function, List<Expr> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public boolean is(String name) {
            return function.text().equals(name);
        }
    }

    /** {@code name = value} as a function or plugin argument. */
    record NamedArg(Name name, Expr value, Span span) implements Expr {
    }

    /** {@code target.member} (including {@code $left.col} and {@code database("x").T}). */
    record Member(Expr target, Name member, Span span) implements Expr {
    }

    /** {@code target.method(args)}, as in {@code database("Db").MyFunction(1)}. */
    record MemberCall(Expr target, Name method, List<Expr> args, Span span) implements Expr {
        public MemberCall {
            args = List.copyOf(args);
        }
    }

    /** {@code target[index]}. */
    record Index(Expr target, Expr index, Span span) implements Expr {
    }

    /** A parenthesised list: the right side of in / has_any, a tuple {@code (a, b)}, or a recovered bare list. */
    record ListExpr(List<Expr> items, Span span) implements Expr {
        public ListExpr {
            items = List.copyOf(items);
        }
    }

    /** {@code (expr)}. */
    record Parenthesized(Expr inner, Span span) implements Expr {
    }

    /** {@code *}: all columns ({@code where * has "x"}, {@code arg_max(T, *)}, {@code distinct *}). */
    record Star(Span span) implements Expr {
    }

    /** {@code typeof(string)}. */
    record TypeOf(String type, Span span) implements Expr {
    }

    /** {@code source | op}. */
    record Pipe(Expr source, TabularOperator op, Span span) implements Expr {
    }

    /**
     * The implicit input of a sub-query that starts with an operator: {@code mv-apply ... on (take 1)},
     * {@code fork (where x)}, {@code facet ... with (top 3 by y)}. Its span is empty.
     */
    record InputRef(Span span) implements Expr {
    }

    /** A tabular operator that starts a pipeline without input: union, print, range, find, search, evaluate. */
    record Source(TabularOperator op, Span span) implements Expr {
    }

    /** {@code datatable(schema) [values]} (options such as {@code with (...)} are not KQL here). */
    record Datatable(List<ColumnDecl> schema, List<Expr> values, Span span) implements Expr {
        public Datatable {
            schema = List.copyOf(schema);
            values = List.copyOf(values);
        }
    }

    /** {@code externaldata(schema) [uris] with (options)}. */
    record ExternalData(List<ColumnDecl> schema, List<Expr> uris, List<Option> options, Span span) implements Expr {
        public ExternalData {
            schema = List.copyOf(schema);
            uris = List.copyOf(uris);
            options = List.copyOf(options);
        }
    }

    /** Placeholder where an expression was missing or unparsable; a diagnostic was reported. */
    record Error(Span span) implements Expr {
    }
}
