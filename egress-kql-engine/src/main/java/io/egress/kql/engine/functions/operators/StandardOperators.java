package io.egress.kql.engine.functions.operators;

import static io.egress.data.ScalarType.BOOL;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.Operators;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.Values;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Kusto's scalar operators. Binary operator names are as written in queries ({@code ==}, {@code <>},
 * {@code has_cs}, {@code !startswith}, {@code matches regex}, ...); comparisons follow the docs' null
 * rules (null-values page): {@code ==} of two nulls is null, of null and a value false; {@code !=} of
 * null and a value true; ordering with a null is null (which {@code where} treats as false).
 * {@code and}/{@code or} are three-valued.
 */
public final class StandardOperators implements Operators {
    public static final StandardOperators INSTANCE = new StandardOperators();

    /** Every binary operator name {@link #bindBinary} accepts. */
    public static final List<String> BINARY = List.of(
            "+", "-", "*", "/", "%", "==", "!=", "<>", "<", "<=", ">", ">=", "and", "or", "=~", "!~",
            "has", "!has", "has_cs", "!has_cs", "hasprefix", "!hasprefix", "hasprefix_cs", "!hasprefix_cs",
            "hassuffix", "!hassuffix", "hassuffix_cs", "!hassuffix_cs", "contains", "!contains", "contains_cs",
            "!contains_cs", "notcontains", "notcontainscs", "startswith", "!startswith", "startswith_cs",
            "!startswith_cs", "endswith", "!endswith", "endswith_cs", "!endswith_cs", "matches regex",
            "in", "!in", "in~", "!in~", "has_any", "has_all", ":");

    private StandardOperators() {
    }

    @Override
    public BindResult<BoundScalar> bindBinary(String op, ScalarType left, ScalarType right, Object rightConstant) {
        Objects.requireNonNull(op, "op");
        switch (op) {
            case "+", "-", "*", "/", "%":
                return Arithmetic.bind(op, left, right);
            case "==":
                return compareOp(op, left, right, Compare::eq);
            case "!=", "<>":
                return compareOp(op, left, right, Compare::ne);
            case "<":
                return ordering(op, left, right, c -> c < 0);
            case "<=":
                return ordering(op, left, right, c -> c <= 0);
            case ">":
                return ordering(op, left, right, c -> c > 0);
            case ">=":
                return ordering(op, left, right, c -> c >= 0);
            case "and", "or":
                return logic(op, left, right);
            case "matches regex":
                return Regexes.bindMatches(right, rightConstant);
            case "in", "!in", "in~", "!in~", "has_any", "has_all":
                if (rightConstant == null) {
                    return BindResult.error("the right side of '" + op + "' must be a constant list");
                }
                return bindSet(op, left, SetOperators.flatten(rightConstant));
            default:
                return stringOp(op, left, right, rightConstant);
        }
    }

    @Override
    public BindResult<BoundScalar> bindUnary(String op, ScalarType operand) {
        return switch (op) {
            case "-" -> Arithmetic.negate(operand);
            case "+" -> Arithmetic.isNum(operand) || operand == ScalarType.TIMESPAN
                    ? BindResult.bound(Fn.pure(operand, a -> a[0]))
                    : BindResult.error("unary '+' is not defined for " + operand);
            case "not", "!" -> operand == BOOL || operand == ScalarType.DYNAMIC
                    ? BindResult.bound(Fn.pure(BOOL, a -> {
                        Boolean b = Values.toBool(a[0]);
                        return b == null ? null : !b;
                    }))
                    : BindResult.error("not() expects a bool, got " + operand);
            default -> BindResult.error("unknown unary operator '" + op + "'");
        };
    }

    @Override
    public BindResult<BoundScalar> bindSet(String op, ScalarType left, List<Object> values) {
        return SetOperators.bind(op, left, values);
    }

    @Override
    public BindResult<BoundScalar> bindBetween(boolean negated, ScalarType value, ScalarType low, ScalarType high) {
        return SetOperators.between(negated, value, low, high);
    }

    private interface Eq {
        Boolean apply(Object a, Object b);
    }

    private static BindResult<BoundScalar> compareOp(String op, ScalarType l, ScalarType r, Eq eq) {
        if (!Compare.comparable(l, r)) {
            return BindResult.error("cannot compare " + l + " and " + r + " with '" + op + "'; add an explicit cast");
        }
        if (l == ScalarType.STRING && r == ScalarType.STRING) {
            boolean positive = op.equals("==");
            return BindResult.bound(Fn.pure(BOOL, a -> Values.text(a[0]).equals(Values.text(a[1])) == positive));
        }
        return BindResult.bound(Fn.pure(BOOL, a -> eq.apply(a[0], a[1])));
    }

    private interface SignTest {
        boolean test(int sign);
    }

    private static BindResult<BoundScalar> ordering(String op, ScalarType l, ScalarType r, SignTest test) {
        if (!Compare.comparable(l, r) || l == ScalarType.GUID) {
            return BindResult.error("cannot compare " + l + " and " + r + " with '" + op + "'; add an explicit cast");
        }
        if (l == r && (l == ScalarType.DATETIME || l == ScalarType.TIMESPAN || l == ScalarType.LONG || l == ScalarType.STRING)) {
            // Same-type fast path (Timestamp > ago(1d) is the commonest filter): no unwrapping or promotion.
            return BindResult.bound(Fn.pure(BOOL, a -> {
                if (a[0] == null || a[1] == null) {
                    return null;
                }
                if (a[0].getClass() != a[1].getClass()) { // a value not in its column's representation
                    Integer c = Compare.compare(a[0], a[1]);
                    return c == null ? null : test.test(c);
                }
                @SuppressWarnings("unchecked")
                int c = ((Comparable<Object>) a[0]).compareTo(a[1]);
                return test.test(Integer.signum(c));
            }));
        }
        return BindResult.bound(Fn.pure(BOOL, a -> {
            Integer c = Compare.compare(a[0], a[1]);
            return c == null ? null : test.test(c);
        }));
    }

    private static BindResult<BoundScalar> logic(String op, ScalarType l, ScalarType r) {
        if (!boolish(l) || !boolish(r)) {
            return BindResult.error("'" + op + "' expects bool operands, got " + l + " and " + r);
        }
        boolean and = op.equals("and");
        return BindResult.bound(Fn.pure(BOOL, a -> and ? and(Values.toBool(a[0]), Values.toBool(a[1]))
                : or(Values.toBool(a[0]), Values.toBool(a[1]))));
    }

    private static boolean boolish(ScalarType t) {
        return t == BOOL || t == ScalarType.DYNAMIC;
    }

    /** Three-valued and: false wins over null. */
    public static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : Boolean.TRUE;
    }

    /** Three-valued or: true wins over null. */
    public static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : Boolean.FALSE;
    }

    private static BindResult<BoundScalar> stringOp(String op, ScalarType l, ScalarType r, Object rightConstant) {
        String positive = StringPredicates.positive(op);
        boolean negated = StringPredicates.negated(op);
        if (StringPredicates.forOperator(positive, "") == null) {
            return BindResult.error("unknown operator '" + op + "'");
        }
        if (rightConstant != null) {
            Predicate<String> p = StringPredicates.forOperator(positive, Values.text(rightConstant));
            return BindResult.bound(Fn.pure(BOOL, a -> p.test(Values.text(a[0])) != negated));
        }
        // Right side varies per row: prepare per distinct needle, keeping the last one.
        return BindResult.bound(Fn.pure(BOOL, new Fn.PureBody() {
            private String lastNeedle;
            private Predicate<String> last;

            @Override
            public Object apply(Object[] a) {
                String needle = Values.text(a[1]);
                Predicate<String> p;
                synchronized (this) {
                    if (!needle.equals(lastNeedle)) {
                        last = StringPredicates.forOperator(positive, needle);
                        lastNeedle = needle;
                    }
                    p = last;
                }
                return p.test(Values.text(a[0])) != negated;
            }
        }));
    }
}
