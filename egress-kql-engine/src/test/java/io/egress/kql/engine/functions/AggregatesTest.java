package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over small groups. Every result is computed twice: in one accumulator, and split into
 * two partial accumulators that are merged; both must agree.
 */
class AggregatesTest {
    private static Object run(String name, List<ScalarType> types, List<Object> constants, Object[]... rows) {
        AggregateFunction f = Eval.REGISTRY.aggregate(name).orElseThrow(() -> new AssertionError("no aggregate " + name));
        BindResult<AggregateFunction.BoundAggregate> r = f.bind(types, constants == null ? Arrays.asList(new Object[types.size()]) : constants);
        assertThat(r).as(name).isInstanceOf(BindResult.Bound.class);
        AggregateFunction.BoundAggregate agg = ((BindResult.Bound<AggregateFunction.BoundAggregate>) r).implementation();
        AggregateFunction.Accumulator whole = agg.newAccumulator();
        AggregateFunction.Accumulator left = agg.newAccumulator();
        AggregateFunction.Accumulator right = agg.newAccumulator();
        for (int i = 0; i < rows.length; i++) {
            whole.add(rows[i]);
            (i < rows.length / 2 ? left : right).add(rows[i]);
        }
        left.merge(right);
        Object a = normal(whole.result());
        assertThat(normal(left.result())).as(name + " merged").isEqualTo(a);
        return a;
    }

    private static Object normal(Object v) {
        if (v instanceof JsonNode n) {
            return n.toString();
        }
        if (v instanceof Object[] arr) {
            return Arrays.asList(arr);
        }
        return v;
    }

    private static Object[][] column(Object... values) {
        List<Object[]> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(new Object[] {v});
        }
        return rows.toArray(new Object[0][]);
    }

    private static final List<ScalarType> LONG1 = List.of(ScalarType.LONG);

    @Test
    void counting() {
        assertThat(run("count", List.of(), null, new Object[0], new Object[0], new Object[0])).isEqualTo(3L);
        assertThat(run("countif", List.of(ScalarType.BOOL), null, column(true, false, null, true))).isEqualTo(2L);
        assertThat(run("dcount", LONG1, null, column(1L, 2L, 2L, null, 3L))).isEqualTo(3L);
        assertThat(run("count_distinct", LONG1, null, column(1L, 1L))).isEqualTo(1L);
        assertThat(run("dcountif", List.of(ScalarType.STRING, ScalarType.BOOL), null,
                new Object[] {"a", true}, new Object[] {"b", false}, new Object[] {"a", true}, new Object[] {"c", true})).isEqualTo(2L);
    }

    @Test
    void sumsAndAverages() {
        assertThat(run("sum", LONG1, null, column(1L, 2L, null, 3L))).isEqualTo(6L);
        assertThat(run("sum", List.of(ScalarType.INT), null, column(1, 2))).isEqualTo(3L);
        assertThat(run("sum", List.of(ScalarType.REAL), null, column(1.5, 2.0))).isEqualTo(3.5);
        assertThat(run("sum", List.of(ScalarType.TIMESPAN), null, column(Eval.ts("1h"), Eval.ts("30m")))).isEqualTo(Eval.ts("90m"));
        assertThat(run("sum", LONG1, null, column((Object) null))).isNull();
        assertThat(run("sumif", List.of(ScalarType.LONG, ScalarType.BOOL), null, new Object[] {5L, true}, new Object[] {7L, false})).isEqualTo(5L);
        assertThat(run("avg", LONG1, null, column(1L, 2L, 3L, 4L))).isEqualTo(2.5);
        assertThat(run("avgif", List.of(ScalarType.LONG, ScalarType.BOOL), null, new Object[] {2L, true}, new Object[] {100L, false})).isEqualTo(2.0);
    }

    @Test
    void extremes() {
        assertThat(run("min", LONG1, null, column(3L, null, 1L, 2L))).isEqualTo(1L);
        assertThat(run("max", List.of(ScalarType.DATETIME), null, column(Eval.dt("2024-01-01"), Eval.dt("2024-02-01"))))
                .isEqualTo(Eval.dt("2024-02-01"));
        assertThat(run("max", List.of(ScalarType.STRING), null, column("a", "c", "b"))).isEqualTo("c");
        assertThat(run("minif", List.of(ScalarType.LONG, ScalarType.BOOL), null, new Object[] {1L, false}, new Object[] {5L, true})).isEqualTo(5L);
        assertThat(run("maxif", List.of(ScalarType.LONG, ScalarType.BOOL), null, new Object[] {9L, false}, new Object[] {5L, true})).isEqualTo(5L);
    }

    @Test
    void collections() {
        assertThat(run("make_set", List.of(ScalarType.STRING), null, column("a", "b", "a", "c"))).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(run("makeset", List.of(ScalarType.STRING), null, column("a", "a"))).isEqualTo("[\"a\"]");
        assertThat(run("make_set", List.of(ScalarType.STRING, ScalarType.LONG), List.of("", 2L), new Object[] {"a", 2L},
                new Object[] {"b", 2L}, new Object[] {"c", 2L})).isEqualTo("[\"a\",\"b\"]");
        assertThat(run("make_set", List.of(ScalarType.DYNAMIC), null, column(Eval.json("[1,2]"), Eval.json("[2,3]")))).isEqualTo("[1,2,3]");
        assertThat(run("make_set_if", List.of(ScalarType.LONG, ScalarType.BOOL), null, new Object[] {1L, true},
                new Object[] {2L, false}, new Object[] {1L, true})).isEqualTo("[1]");
        assertThat(run("make_list", LONG1, null, column(1L, 1L, null, 2L))).isEqualTo("[1,1,2]");
        assertThat(run("make_list_if", List.of(ScalarType.LONG, ScalarType.BOOL), null, new Object[] {1L, true},
                new Object[] {2L, false})).isEqualTo("[1]");
        assertThat(run("make_bag", List.of(ScalarType.DYNAMIC), null, column(Eval.json("{\"a\":1}"), Eval.json("{\"b\":2}"),
                Eval.json("{\"a\":3}"), Eval.json("5")))).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(run("make_bag_if", List.of(ScalarType.DYNAMIC, ScalarType.BOOL), null, new Object[] {Eval.json("{\"a\":1}"), false},
                new Object[] {Eval.json("{\"b\":2}"), true})).isEqualTo("{\"b\":2}");
    }

    @Test
    void argMaxKeepsTheWholeRow() {
        List<ScalarType> types = List.of(ScalarType.DATETIME, ScalarType.STRING);
        Object[][] rows = {
            {Eval.dt("2024-01-01"), "first"}, {Eval.dt("2024-03-01"), "latest"}, {null, "null key"}, {Eval.dt("2024-02-01"), "middle"}};
        assertThat(run("arg_max", types, null, rows)).isEqualTo(List.of(Eval.dt("2024-03-01"), "latest"));
        assertThat(run("arg_min", types, null, rows)).isEqualTo(List.of(Eval.dt("2024-01-01"), "first"));
        assertThat(run("arg_max", types, null, new Object[] {null, "x"})).isNull();
    }

    @Test
    void takeAny() {
        assertThat(run("take_any", LONG1, null, column(null, 7L, 8L))).isEqualTo(7L);
        assertThat(run("any", List.of(ScalarType.LONG, ScalarType.STRING), null, new Object[] {1L, "a"})).isEqualTo(List.of(1L, "a"));
    }

    @Test
    void percentilesUseNearestRank() {
        Object[][] values = column(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(run("percentile", List.of(ScalarType.LONG, ScalarType.REAL), List.of(0L, 50.0), values)).isEqualTo(50L);
        assertThat(run("percentile", List.of(ScalarType.LONG, ScalarType.REAL), List.of(0L, 95.0), values)).isEqualTo(100L);
        assertThat(run("percentile", List.of(ScalarType.LONG, ScalarType.REAL), List.of(0L, 0.0), values)).isEqualTo(10L);
        assertThat(run("percentiles", List.of(ScalarType.LONG, ScalarType.REAL, ScalarType.REAL), List.of(0L, 5.0, 50.0), values))
                .isEqualTo(List.of(10L, 50L));
        assertThat(run("percentiles_array", List.of(ScalarType.LONG, ScalarType.DYNAMIC), List.of(0L, Eval.json("[25, 75]")), values))
                .isEqualTo("[30,80]");
    }

    @Test
    void varianceAndStdev() {
        Object[][] values = column(1L, 2L, 3L, 4L, 5L);
        assertThat((Double) run("variance", LONG1, null, values)).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat((Double) run("variancep", LONG1, null, values)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat((Double) run("stdev", LONG1, null, values)).isCloseTo(Math.sqrt(2.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat((Double) run("stdevp", LONG1, null, values)).isCloseTo(Math.sqrt(2.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(run("stdev", LONG1, null, column(1L))).isEqualTo(0.0);
    }

    @Test
    void signaturesAreListedForEveryFunction() {
        assertThat(Eval.REGISTRY.aggregates()).allSatisfy(a -> assertThat(a.signatures()).isNotEmpty());
        assertThat(Eval.REGISTRY.scalars()).allSatisfy(f -> assertThat(f.signatures()).allSatisfy(s -> assertThat(s).startsWith(f.name() + "(")));
        assertThat(Eval.REGISTRY.aggregate("count").orElseThrow().bind(List.of(ScalarType.LONG, ScalarType.LONG), List.of()))
                .isInstanceOf(BindResult.Error.class);
    }
}
