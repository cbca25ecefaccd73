package io.egress.telemetry.normalize;

import java.util.List;

/**
 * A mapping expression, compiled once when the mapping loads: a field of the event ({@code Image}), a
 * variable ({@code $time}, {@code $host}, {@code $provider}, {@code $eventId}, {@code $source},
 * {@code $file}, {@code $line}), a literal ({@code 'ProcessCreated'}, {@code 42}) or a call
 * ({@code basename(Image)}).
 */
public sealed interface Expr {
    Object eval(EvalContext context);

    /** A field looked up in the event's data, then its system section. */
    record Field(String name) implements Expr {
        @Override
        public Object eval(EvalContext context) {
            return context.field(name);
        }
    }

    record Variable(String name) implements Expr {
        @Override
        public Object eval(EvalContext context) {
            return context.variable(name);
        }
    }

    record Literal(String value) implements Expr {
        @Override
        public Object eval(EvalContext context) {
            return value;
        }
    }

    record Call(String name, MappingFunctions.Function function, List<Expr> args) implements Expr {
        @Override
        public Object eval(EvalContext context) {
            return function.apply(args, context);
        }
    }
}
