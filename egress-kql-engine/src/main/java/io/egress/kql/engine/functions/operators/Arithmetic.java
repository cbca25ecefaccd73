package io.egress.kql.engine.functions.operators;

import static io.egress.data.ScalarType.DATETIME;
import static io.egress.data.ScalarType.DECIMAL;
import static io.egress.data.ScalarType.DYNAMIC;
import static io.egress.data.ScalarType.INT;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.REAL;
import static io.egress.data.ScalarType.TIMESPAN;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code + - * / %} over numbers (int → long → real promotion, decimal apart), datetimes and
 * timespans. Any null operand gives null. Integer division truncates toward zero; integer division or
 * modulo by zero gives null (our choice: Kusto's docs do not state it); real division follows IEEE.
 * A dynamic operand is read as a number and gives real.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static BindResult<BoundScalar> bind(String op, ScalarType l, ScalarType r) {
        if (isNum(l) && isNum(r)) {
            ScalarType t = promote(l, r);
            return switch (t) {
                case INT -> BindResult.bound(Fn.pure(INT, a -> nulls(a) ? null : intOp(op, a[0], a[1])));
                case LONG -> BindResult.bound(Fn.pure(LONG, a -> nulls(a) ? null : longOp(op, Values.toLong(a[0]), Values.toLong(a[1]))));
                case DECIMAL -> BindResult.bound(Fn.pure(DECIMAL, a -> nulls(a) ? null : decOp(op, Values.toDecimal(a[0]), Values.toDecimal(a[1]))));
                default -> BindResult.bound(Fn.pure(REAL, a -> nulls(a) ? null : realOp(op, Values.toReal(a[0]), Values.toReal(a[1]))));
            };
        }
        switch (op) {
            case "+":
                if (l == DATETIME && r == TIMESPAN) {
                    return bound(DATETIME, a -> ((Instant) a[0]).plus((Duration) a[1]));
                }
                if (l == TIMESPAN && r == DATETIME) {
                    return bound(DATETIME, a -> ((Instant) a[1]).plus((Duration) a[0]));
                }
                if (l == TIMESPAN && r == TIMESPAN) {
                    return bound(TIMESPAN, a -> ((Duration) a[0]).plus((Duration) a[1]));
                }
                break;
            case "-":
                if (l == DATETIME && r == DATETIME) {
                    return bound(TIMESPAN, a -> Duration.between((Instant) a[1], (Instant) a[0]));
                }
                if (l == DATETIME && r == TIMESPAN) {
                    return bound(DATETIME, a -> ((Instant) a[0]).minus((Duration) a[1]));
                }
                if (l == TIMESPAN && r == TIMESPAN) {
                    return bound(TIMESPAN, a -> ((Duration) a[0]).minus((Duration) a[1]));
                }
                break;
            case "*":
                if (l == TIMESPAN && isNum(r)) {
                    return bound(TIMESPAN, a -> scale((Duration) a[0], Values.toReal(a[1])));
                }
                if (isNum(l) && r == TIMESPAN) {
                    return bound(TIMESPAN, a -> scale((Duration) a[1], Values.toReal(a[0])));
                }
                break;
            case "/":
                if (l == TIMESPAN && r == TIMESPAN) {
                    return bound(REAL, a -> (double) Values.ticks((Duration) a[0]) / Values.ticks((Duration) a[1]));
                }
                if (l == TIMESPAN && isNum(r)) {
                    return bound(TIMESPAN, a -> {
                        double d = Values.toReal(a[1]);
                        return d == 0 ? null : scale((Duration) a[0], 1.0 / d);
                    });
                }
                break;
            case "%":
                if (l == TIMESPAN && r == TIMESPAN) {
                    return bound(TIMESPAN, a -> {
                        long d = Values.ticks((Duration) a[1]);
                        return d == 0 ? null : Values.fromTicks(Values.ticks((Duration) a[0]) % d);
                    });
                }
                break;
            default:
                break;
        }
        return BindResult.error("operator '" + op + "' is not defined for " + l + " and " + r);
    }

    static BindResult<BoundScalar> negate(ScalarType t) {
        return switch (t) {
            case INT -> bound(INT, a -> -(Integer) a[0]);
            case LONG -> bound(LONG, a -> -(Long) a[0]);
            case REAL -> bound(REAL, a -> -(Double) a[0]);
            case DECIMAL -> bound(DECIMAL, a -> ((BigDecimal) a[0]).negate());
            case TIMESPAN -> bound(TIMESPAN, a -> ((Duration) a[0]).negated());
            case DYNAMIC -> bound(REAL, a -> {
                Double d = Values.toReal(a[0]);
                return d == null ? null : -d;
            });
            default -> BindResult.error("unary '-' is not defined for " + t);
        };
    }

    private static BindResult<BoundScalar> bound(ScalarType t, Fn.PureBody body) {
        return BindResult.bound(Fn.pure(t, a -> nulls(a) ? null : body.apply(a)));
    }

    static boolean isNum(ScalarType t) {
        return t.isNumeric() || t == DYNAMIC;
    }

    static ScalarType promote(ScalarType l, ScalarType r) {
        if (l == DYNAMIC || r == DYNAMIC || l == REAL || r == REAL) {
            return REAL;
        }
        if (l == DECIMAL || r == DECIMAL) {
            return DECIMAL;
        }
        if (l == LONG || r == LONG) {
            return LONG;
        }
        return INT;
    }

    private static boolean nulls(Object[] a) {
        for (Object o : a) {
            if (o == null || (o instanceof com.fasterxml.jackson.databind.JsonNode n && n.isNull())) {
                return true;
            }
        }
        return false;
    }

    private static Object intOp(String op, Object x, Object y) {
        Long r = longOp(op, Values.toLong(x), Values.toLong(y));
        return r == null ? null : (int) r.longValue();
    }

    static Long longOp(String op, Long x, Long y) {
        if (x == null || y == null) {
            return null;
        }
        long a = x;
        long b = y;
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? null : a / b;
            case "%" -> b == 0 ? null : a % b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    static Double realOp(String op, Double x, Double y) {
        if (x == null || y == null) {
            return null;
        }
        double a = x;
        double b = y;
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static BigDecimal decOp(String op, BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return null;
        }
        return switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL128);
            case "%" -> b.signum() == 0 ? null : a.remainder(b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static Duration scale(Duration d, double factor) {
        return Values.fromTicks(Math.round(Values.ticks(d) * factor));
    }
}
