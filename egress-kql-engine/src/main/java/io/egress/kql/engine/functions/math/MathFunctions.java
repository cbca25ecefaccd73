package io.egress.kql.engine.functions.math;

import static io.egress.data.ScalarType.REAL;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.operators.Compare;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Types;
import io.egress.kql.engine.functions.support.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/** Numeric functions and binning: abs, round, log, exp, pow, sqrt, rand, min_of, max_of, bin/floor, bin_at, ceiling, sign. */
public final class MathFunctions {
    /** Ticks from 0001-01-01 (.NET's zero) to 1970-01-01: Kusto bins datetimes from 0001-01-01. */
    static final long EPOCH_TICKS = Values.EPOCH_TICKS;

    private MathFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(new Fn("abs", List.of("abs(number) -> number", "abs(timespan) -> timespan"), (t, c) -> {
            String err = Fn.arity("abs", t.size(), 1, 1);
            if (err != null) {
                return BindResult.error(err);
            }
            ScalarType r = t.get(0) == ScalarType.DYNAMIC ? REAL : t.get(0);
            return BindResult.bound(Fn.pure(r, a -> abs(Values.coerce(r, a[0]))));
        }));
        b.add(real("log", Math::log));
        b.add(real("log10", Math::log10));
        b.add(real("log2", x -> Math.log(x) / Math.log(2)));
        b.add(real("exp", Math::exp));
        b.add(real("exp2", x -> Math.pow(2, x)));
        b.add(real("exp10", x -> Math.pow(10, x)));
        b.add(real("sqrt", Math::sqrt));
        b.add(real("ceiling", Math::ceil));
        b.add(Fn.typed("pow", REAL, 2, 2, Fn.params(REAL), a -> Math.pow(Values.toReal(a[0]), Values.toReal(a[1])), "pow(real base, real exponent) -> real"));
        b.add(Fn.typed("sign", REAL, 1, 1, Fn.params(REAL), a -> Math.signum(Values.toReal(a[0])), "sign(number) -> real"));
        b.add(Fn.typed("round", REAL, 1, 2, Fn.params(REAL, ScalarType.LONG), a -> round(Values.toReal(a[0]), a.length > 1 ? Values.toLong(a[1]) : 0L),
                "round(real [, long precision]) -> real"));
        b.add(Fn.typed("rand", REAL, 0, 1, Fn.params(ScalarType.LONG), a -> {
            if (a.length == 1) {
                long n = Values.toLong(a[0]);
                return n <= 0 ? null : (double) ThreadLocalRandom.current().nextLong(n);
            }
            return ThreadLocalRandom.current().nextDouble();
        }, "rand([long n]) -> real (non-deterministic)"));
        b.add(extreme("min_of", -1));
        b.add(extreme("max_of", 1));
        Fn bin = new Fn("bin", List.of("bin(number, number) -> number", "bin(datetime, timespan) -> datetime",
                "bin(timespan, timespan) -> timespan"), (t, c) -> bindBin("bin", t, false));
        b.add(bin).alias("floor", bin);
        b.add(new Fn("bin_at", List.of("bin_at(number, number, number fixed) -> number", "bin_at(datetime, timespan, datetime fixed) -> datetime",
                "bin_at(timespan, timespan, timespan fixed) -> timespan"), (t, c) -> bindBin("bin_at", t, true)));
    }

    private static Fn real(String name, DoubleUnaryOperator f) {
        return Fn.typed(name, REAL, 1, 1, Fn.params(REAL), a -> {
            Double x = Values.toReal(a[0]);
            return x == null ? null : f.applyAsDouble(x);
        }, name + "(real) -> real");
    }

    private static Object abs(Object v) {
        if (v instanceof Integer i) {
            return Math.abs(i);
        }
        if (v instanceof Long l) {
            return Math.abs(l);
        }
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (v instanceof BigDecimal d) {
            return d.abs();
        }
        if (v instanceof Duration d) {
            return d.abs();
        }
        return null;
    }

    /** Rounds half away from zero (as .NET's Math.Round with AwayFromZero, which Kusto's docs examples show: round(2.5) == 3). */
    static Double round(Double x, Long precision) {
        if (x == null || precision == null || x.isNaN() || x.isInfinite()) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale(precision.intValue(), RoundingMode.HALF_UP).doubleValue();
    }

    private static Fn extreme(String name, int sign) {
        return new Fn(name, List.of(name + "(T, T, ...) -> T"), (t, c) -> {
            String err = Fn.arity(name, t.size(), 1, 64);
            if (err != null) {
                return BindResult.error(err);
            }
            Optional<ScalarType> type = Types.unify(t);
            if (type.isEmpty()) {
                return BindResult.error(name + "(): all arguments must have one type, got " + t);
            }
            ScalarType r = type.get();
            return BindResult.bound(Fn.pure(r, a -> {
                Object best = null;
                for (Object v : a) {
                    if (v == null) {
                        continue; // docs: null arguments are ignored
                    }
                    if (best == null) {
                        best = v;
                    } else {
                        Integer cmp = Compare.compare(v, best);
                        if (cmp != null && cmp * sign > 0) {
                            best = v;
                        }
                    }
                }
                return Values.coerce(r, best);
            }));
        });
    }

    private static BindResult<BoundScalar> bindBin(String name, List<ScalarType> t, boolean at) {
        String err = Fn.arity(name, t.size(), at ? 3 : 2, at ? 3 : 2);
        if (err != null) {
            return BindResult.error(err);
        }
        ScalarType v = t.get(0);
        switch (v) {
            case DATETIME:
                return BindResult.bound(Fn.pure(ScalarType.DATETIME, a -> {
                    Instant i = Values.toDatetime(a[0]);
                    Duration size = Values.toTimespan(a[1]);
                    Instant fixed = at ? Values.toDatetime(a[2]) : null;
                    if (i == null || size == null || (at && fixed == null)) {
                        return null;
                    }
                    long origin = at ? Values.ticksSinceEpoch(fixed) : -EPOCH_TICKS;
                    Long binned = floorTo(Values.ticksSinceEpoch(i) - origin, Values.ticks(size));
                    return binned == null ? null : Values.fromTicksSinceEpoch(binned + origin);
                }));
            case TIMESPAN:
                return BindResult.bound(Fn.pure(ScalarType.TIMESPAN, a -> {
                    Duration d = Values.toTimespan(a[0]);
                    Duration size = Values.toTimespan(a[1]);
                    Duration fixed = at ? Values.toTimespan(a[2]) : Duration.ZERO;
                    if (d == null || size == null || fixed == null) {
                        return null;
                    }
                    long origin = Values.ticks(fixed);
                    Long binned = floorTo(Values.ticks(d) - origin, Values.ticks(size));
                    return binned == null ? null : Values.fromTicks(binned + origin);
                }));
            case INT, LONG:
                if (t.get(1) == ScalarType.INT || t.get(1) == ScalarType.LONG) {
                    return BindResult.bound(Fn.pure(v, a -> {
                        Long x = Values.toLong(a[0]);
                        Long size = Values.toLong(a[1]);
                        Long fixed = at ? Values.toLong(a[2]) : Long.valueOf(0);
                        if (x == null || size == null || fixed == null) {
                            return null;
                        }
                        Long binned = floorTo(x - fixed, size);
                        return binned == null ? null : Values.coerce(v, binned + fixed);
                    }));
                }
                // fall through: a real bin size gives a real
            case REAL, DECIMAL, DYNAMIC:
                return BindResult.bound(Fn.pure(REAL, a -> {
                    Double x = Values.toReal(a[0]);
                    Double size = Values.toReal(a[1]);
                    Double fixed = at ? Values.toReal(a[2]) : Double.valueOf(0);
                    if (x == null || size == null || fixed == null || size <= 0) {
                        return null;
                    }
                    return Math.floor((x - fixed) / size) * size + fixed;
                }));
            default:
                return BindResult.error(name + "() is not defined for " + v);
        }
    }

    private static Long floorTo(long value, long size) {
        if (size <= 0) {
            return null;
        }
        return Math.floorDiv(value, size) * size;
    }
}
