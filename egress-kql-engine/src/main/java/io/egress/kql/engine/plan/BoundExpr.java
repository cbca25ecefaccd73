package io.egress.kql.engine.plan;

import io.egress.data.ScalarType;
import io.egress.data.ValueFormat;
import io.egress.kql.engine.functions.BoundScalar;
import java.util.List;
import java.util.stream.Collectors;

/** A scalar expression after binding: names resolved to column indexes, functions to implementations. */
public sealed interface BoundExpr {
    ScalarType type();

    /** A compile-time constant (literal, folded expression or scalar let). */
    record Const(ScalarType type, Object value) implements BoundExpr {
        @Override
        public String toString() {
            return value instanceof String s ? '"' + s + '"' : type.kqlName() + "(" + ValueFormat.toKqlString(value) + ")";
        }
    }

    /** The value of input column {@code index}. */
    record Column(int index, String name, ScalarType type) implements BoundExpr {
        @Override
        public String toString() {
            return name + "#" + index;
        }
    }

    /** A function or operator application; {@code impl} came from the registry. */
    record Call(String name, List<BoundExpr> args, BoundScalar impl, ScalarType type) implements BoundExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return name + "(" + args.stream().map(Object::toString).collect(Collectors.joining(", ")) + "):" + type;
        }
    }

    /** {@code left in (...)}, {@code has_any}, ...: the constant set was prepared by the registry. */
    record SetTest(String op, BoundExpr left, List<Object> values, BoundScalar impl) implements BoundExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }

        @Override
        public String toString() {
            String shown = values.size() > 6 ? values.subList(0, 6) + "+" + (values.size() - 6) : values.toString();
            return "(" + left + " " + op + " " + shown + ")";
        }
    }

    /** {@code and} / {@code or}, evaluated left first and short-circuited on a decisive left value. */
    record Logic(boolean and, BoundExpr left, BoundExpr right, BoundScalar impl) implements BoundExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }

        @Override
        public String toString() {
            return "(" + left + (and ? " and " : " or ") + right + ")";
        }
    }

    /** {@code x.key} / {@code x["key"]} on a dynamic value. */
    record Member(BoundExpr target, String key) implements BoundExpr {
        @Override
        public ScalarType type() {
            return ScalarType.DYNAMIC;
        }

        @Override
        public String toString() {
            return target + "." + key;
        }
    }

    /** {@code x[i]} on a dynamic array (negative counts from the end) or {@code x[expr]} on a bag. */
    record Index(BoundExpr target, BoundExpr index) implements BoundExpr {
        @Override
        public ScalarType type() {
            return ScalarType.DYNAMIC;
        }

        @Override
        public String toString() {
            return target + "[" + index + "]";
        }
    }

    /** {@code toscalar(query)}: the first column of the first row, computed once per execution. */
    record ScalarQuery(PlanNode query, ScalarType type) implements BoundExpr {
        @Override
        public String toString() {
            return "toscalar(" + query.describe() + ")";
        }
    }

    /** A row-window function of a serialized input: {@code row_number}, {@code prev}, {@code next}. */
    record RowWindow(String name, BoundExpr arg, int offset, BoundExpr defaultValue, long start, ScalarType type)
            implements BoundExpr {
        @Override
        public String toString() {
            return name + "(" + (arg == null ? "" : arg.toString()) + ")";
        }
    }

    /** Stands for an expression that failed to bind (a diagnostic was reported); never compiled. */
    record Invalid(ScalarType type) implements BoundExpr {
        @Override
        public String toString() {
            return "<error>";
        }
    }

    /** {@code left in (tabular query)}: the set comes from the query's first column, once per execution. */
    record InQuery(String op, BoundExpr left, PlanNode query, io.egress.kql.engine.functions.Operators operators)
            implements BoundExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }

        @Override
        public String toString() {
            return "(" + left + " " + op + " (" + query.describe() + "))";
        }
    }
}
