package io.egress.kql.engine.functions.aggregates;

import static io.egress.data.ScalarType.DYNAMIC;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.REAL;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.AggregateFunction.Accumulator;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.support.Agg;
import io.egress.kql.engine.functions.support.Args;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.util.List;
import java.util.function.Supplier;

/**
 * The summarize aggregations. Result shapes: one value, except {@code arg_max}/{@code arg_min} (an
 * {@code Object[]} of all arguments of the extreme row), {@code take_any} with several arguments (an
 * {@code Object[]}), and {@code percentiles} (an {@code Object[]}, one per percentile).
 */
public final class AggregateFunctions {
    /** Kusto's default cap for make_set / make_list / make_bag. */
    static final long DEFAULT_MAX = 1_048_576;

    private AggregateFunctions() {
    }

    private interface Factory {
        Supplier<Accumulator> create(List<ScalarType> types, List<Object> constants);
    }

    private static Agg agg(String name, int min, int max, ScalarType ret, Factory f, String signature) {
        return new Agg(name, List.of(signature), (t, c) -> {
            String err = Fn.arity(name, t.size(), min, max);
            return err != null ? BindResult.error(err) : BindResult.bound(Agg.bound(ret, f.create(t, c)));
        });
    }

    private interface TypedFactory {
        ScalarType type(List<ScalarType> types);
    }

    private static Agg typed(String name, int min, int max, TypedFactory typeOf, Factory f, String signature) {
        return new Agg(name, List.of(signature), (t, c) -> {
            String err = Fn.arity(name, t.size(), min, max);
            return err != null ? BindResult.error(err) : BindResult.bound(Agg.bound(typeOf.type(t), f.create(t, c)));
        });
    }

    public static void register(MapRegistry.Builder b) {
        b.add(agg("count", 0, 1, LONG, (t, c) -> () -> new Accumulators.Count(-1), "count() -> long"));
        b.add(agg("countif", 1, 1, LONG, (t, c) -> () -> new Accumulators.Count(0), "countif(bool) -> long"));
        Agg dcount = agg("dcount", 1, 2, LONG, (t, c) -> () -> new Accumulators.DistinctCount(-1),
                "dcount(scalar [, int accuracy]) -> long (exact)");
        b.add(dcount).add(dcount.alias("count_distinct"));
        Agg dcountif = agg("dcountif", 2, 3, LONG, (t, c) -> () -> new Accumulators.DistinctCount(1),
                "dcountif(scalar, bool [, int accuracy]) -> long (exact)");
        b.add(dcountif).add(dcountif.alias("count_distinctif"));
        b.add(typed("sum", 1, 1, AggregateFunctions::sumType, (t, c) -> {
            ScalarType st = sumType(t);
            return () -> new Accumulators.Sum(st, -1);
        }, "sum(number|timespan) -> same"));
        b.add(typed("sumif", 2, 2, AggregateFunctions::sumType, (t, c) -> {
            ScalarType st = sumType(t);
            return () -> new Accumulators.Sum(st, 1);
        }, "sumif(number|timespan, bool) -> same"));
        b.add(agg("avg", 1, 1, REAL, (t, c) -> () -> new Accumulators.Avg(-1), "avg(number) -> real"));
        b.add(agg("avgif", 2, 2, REAL, (t, c) -> () -> new Accumulators.Avg(1), "avgif(number, bool) -> real"));
        b.add(typed("min", 1, 1, t -> t.get(0), (t, c) -> () -> new Accumulators.Extreme(-1, -1), "min(T) -> T"));
        b.add(typed("max", 1, 1, t -> t.get(0), (t, c) -> () -> new Accumulators.Extreme(1, -1), "max(T) -> T"));
        b.add(typed("minif", 2, 2, t -> t.get(0), (t, c) -> () -> new Accumulators.Extreme(-1, 1), "minif(T, bool) -> T"));
        b.add(typed("maxif", 2, 2, t -> t.get(0), (t, c) -> () -> new Accumulators.Extreme(1, 1), "maxif(T, bool) -> T"));
        Agg makeSet = agg("make_set", 1, 2, DYNAMIC, (t, c) -> collect(true, -1, Args.constant(c, 1)),
                "make_set(scalar [, long maxSize]) -> dynamic");
        b.add(makeSet).add(makeSet.alias("makeset"));
        b.add(agg("make_set_if", 2, 3, DYNAMIC, (t, c) -> collect(true, 1, Args.constant(c, 2)),
                "make_set_if(scalar, bool [, long maxSize]) -> dynamic"));
        Agg makeList = agg("make_list", 1, 2, DYNAMIC, (t, c) -> collect(false, -1, Args.constant(c, 1)),
                "make_list(scalar [, long maxSize]) -> dynamic");
        b.add(makeList).add(makeList.alias("makelist"));
        b.add(agg("make_list_if", 2, 3, DYNAMIC, (t, c) -> collect(false, 1, Args.constant(c, 2)),
                "make_list_if(scalar, bool [, long maxSize]) -> dynamic"));
        b.add(agg("make_list_with_nulls", 1, 2, DYNAMIC, (t, c) -> collect(false, -1, Args.constant(c, 1)),
                "make_list_with_nulls(scalar) -> dynamic (nulls are skipped here)"));
        Agg makeBag = agg("make_bag", 1, 2, DYNAMIC, (t, c) -> {
            long max = maxSize(Args.constant(c, 1));
            return () -> new Accumulators.Bag(-1, max);
        }, "make_bag(dynamic [, long maxSize]) -> dynamic");
        b.add(makeBag).add(makeBag.alias("make_dictionary"));
        b.add(agg("make_bag_if", 2, 3, DYNAMIC, (t, c) -> {
            long max = maxSize(Args.constant(c, 2));
            return () -> new Accumulators.Bag(1, max);
        }, "make_bag_if(dynamic, bool [, long maxSize]) -> dynamic"));
        Agg argMax = typed("arg_max", 1, 64, t -> t.get(0), (t, c) -> () -> new Accumulators.ArgExtreme(1),
                "arg_max(T maximized, expr, ...) -> (T, ...) as Object[]");
        Agg argMin = typed("arg_min", 1, 64, t -> t.get(0), (t, c) -> () -> new Accumulators.ArgExtreme(-1),
                "arg_min(T minimized, expr, ...) -> (T, ...) as Object[]");
        b.add(argMax).add(argMax.alias("argmax")).add(argMin).add(argMin.alias("argmin"));
        Agg takeAny = typed("take_any", 1, 64, t -> t.get(0), (t, c) -> {
            boolean multi = t.size() > 1;
            return () -> new Accumulators.TakeAny(multi, -1);
        }, "take_any(T [, expr, ...]) -> T (Object[] with several arguments)");
        b.add(takeAny).add(takeAny.alias("any"));
        b.add(typed("take_anyif", 2, 2, t -> t.get(0), (t, c) -> () -> new Accumulators.TakeAny(false, 1),
                "take_anyif(T, bool) -> T"));
        b.add(new Agg("percentile", List.of("percentile(T, real p) -> T"), (t, c) -> {
            String err = Fn.arity("percentile", t.size(), 2, 2);
            if (err != null) {
                return BindResult.error(err);
            }
            Double p = Values.toReal(Args.constant(c, 1));
            if (p == null) {
                return BindResult.error("percentile(): the percentile must be a constant number");
            }
            if (p < 0 || p > 100) {
                return BindResult.error("percentile(): the percentile must be between 0 and 100, not " + p);
            }
            return BindResult.bound(Agg.bound(t.get(0), () -> new StatAccumulators.Percentiles(new double[] {p},
                    StatAccumulators.Percentiles.Shape.ONE)));
        }));
        b.add(percentiles("percentiles", StatAccumulators.Percentiles.Shape.COLUMNS));
        b.add(percentiles("percentiles_array", StatAccumulators.Percentiles.Shape.ARRAY));
        b.add(agg("stdev", 1, 1, REAL, (t, c) -> () -> new StatAccumulators.Moments(false, true, -1), "stdev(number) -> real"));
        b.add(agg("stdevif", 2, 2, REAL, (t, c) -> () -> new StatAccumulators.Moments(false, true, 1), "stdevif(number, bool) -> real"));
        b.add(agg("stdevp", 1, 1, REAL, (t, c) -> () -> new StatAccumulators.Moments(true, true, -1), "stdevp(number) -> real"));
        b.add(agg("variance", 1, 1, REAL, (t, c) -> () -> new StatAccumulators.Moments(false, false, -1), "variance(number) -> real"));
        b.add(agg("varianceif", 2, 2, REAL, (t, c) -> () -> new StatAccumulators.Moments(false, false, 1), "varianceif(number, bool) -> real"));
        b.add(agg("variancep", 1, 1, REAL, (t, c) -> () -> new StatAccumulators.Moments(true, false, -1), "variancep(number) -> real"));
    }

    private static Agg percentiles(String name, StatAccumulators.Percentiles.Shape shape) {
        ScalarType[] ret = new ScalarType[1];
        return new Agg(name, List.of(name + "(T, real p1, real p2, ...) -> " + (shape == StatAccumulators.Percentiles.Shape.ARRAY
                ? "dynamic" : "(T, T, ...) as Object[]")), (t, c) -> {
            String err = Fn.arity(name, t.size(), 2, 64);
            if (err != null) {
                return BindResult.error(err);
            }
            double[] ps = new double[t.size() - 1];
            for (int i = 1; i < t.size(); i++) {
                Object k = Args.constant(c, i);
                if (k instanceof com.fasterxml.jackson.databind.JsonNode n && n.isArray() && t.size() == 2) {
                    ps = new double[n.size()];
                    for (int j = 0; j < n.size(); j++) {
                        ps[j] = n.get(j).asDouble();
                    }
                    break;
                }
                Double p = Values.toReal(k);
                if (p == null) {
                    return BindResult.error(name + "(): percentiles must be constant numbers");
                }
                if (p < 0 || p > 100) {
                    return BindResult.error(name + "(): percentiles must be between 0 and 100, not " + p);
                }
                ps[i - 1] = p;
            }
            double[] fixed = ps;
            ret[0] = shape == StatAccumulators.Percentiles.Shape.ARRAY ? DYNAMIC : t.get(0);
            return BindResult.bound(Agg.bound(ret[0], () -> new StatAccumulators.Percentiles(fixed, shape)));
        });
    }

    static ScalarType sumType(List<ScalarType> t) {
        ScalarType v = t.get(0);
        return switch (v) {
            case INT, LONG, BOOL -> LONG;
            case DECIMAL -> ScalarType.DECIMAL;
            case TIMESPAN -> ScalarType.TIMESPAN;
            default -> REAL;
        };
    }

    private static Supplier<Accumulator> collect(boolean distinct, int pred, Object maxConstant) {
        long max = maxSize(maxConstant);
        return () -> new Accumulators.Collect(distinct, pred, max);
    }

    private static long maxSize(Object constant) {
        Long m = Values.toLong(constant);
        return m == null || m <= 0 ? DEFAULT_MAX : m;
    }
}
