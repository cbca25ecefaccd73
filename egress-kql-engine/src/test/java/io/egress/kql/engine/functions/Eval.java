package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.support.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: binds and runs functions and operators from the standard registry, as the engine would. */
final class Eval {
    static final FunctionRegistry REGISTRY = StandardFunctions.registry();
    static final EvalContext CTX = new EvalContext(Instant.parse("2024-05-01T12:00:00Z"));

    private Eval() {
    }

    /** The type of a Java value (Integer → int, ...); a JSON node or a String starting "dyn:" is dynamic. */
    static ScalarType typeOf(Object v) {
        if (v == null) {
            return ScalarType.STRING;
        }
        for (ScalarType t : ScalarType.values()) {
            if (t.javaClass().isInstance(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException(v.getClass().toString());
    }

    /** Calls a scalar function with all arguments as constants (so bind-time preparation runs). */
    static Object call(String name, Object... args) {
        List<ScalarType> types = new ArrayList<>();
        for (Object a : args) {
            types.add(typeOf(a));
        }
        return callTyped(name, types, args);
    }

    static Object callTyped(String name, List<ScalarType> types, Object... args) {
        ScalarFunction f = REGISTRY.scalar(name).orElseThrow(() -> new AssertionError("no function " + name));
        BindResult<BoundScalar> r = f.bind(types, Arrays.asList(args));
        assertThat(r).as("bind %s%s", name, types).isInstanceOf(BindResult.Bound.class);
        return ((BindResult.Bound<BoundScalar>) r).implementation().invoke(args, CTX);
    }

    /** Binds a function with non-constant arguments (constants list all null). */
    static Object callDynamicArgs(String name, Object... args) {
        List<ScalarType> types = new ArrayList<>();
        for (Object a : args) {
            types.add(typeOf(a));
        }
        ScalarFunction f = REGISTRY.scalar(name).orElseThrow();
        BindResult<BoundScalar> r = f.bind(types, Arrays.asList(new Object[args.length]));
        return ((BindResult.Bound<BoundScalar>) r).implementation().invoke(args, CTX);
    }

    static BindResult<BoundScalar> bind(String name, Object... args) {
        List<ScalarType> types = new ArrayList<>();
        for (Object a : args) {
            types.add(typeOf(a));
        }
        return REGISTRY.scalar(name).orElseThrow().bind(types, Arrays.asList(args));
    }

    static Object binary(Object left, String op, Object right) {
        return binaryTyped(typeOf(left), left, op, typeOf(right), right, true);
    }

    static Object binaryTyped(ScalarType lt, Object left, String op, ScalarType rt, Object right, boolean constant) {
        BindResult<BoundScalar> r = REGISTRY.operators().bindBinary(op, lt, rt, constant ? right : null);
        assertThat(r).as("bind %s %s %s", lt, op, rt).isInstanceOf(BindResult.Bound.class);
        return ((BindResult.Bound<BoundScalar>) r).implementation().invoke(new Object[] {left, right}, CTX);
    }

    static Object set(Object left, String op, Object... values) {
        BindResult<BoundScalar> r = REGISTRY.operators().bindSet(op, typeOf(left), Arrays.asList(values));
        assertThat(r).isInstanceOf(BindResult.Bound.class);
        return ((BindResult.Bound<BoundScalar>) r).implementation().invoke(new Object[] {left}, CTX);
    }

    static Object json(String text) {
        return Values.parseJson(text);
    }

    static Instant dt(String text) {
        return io.egress.kql.engine.functions.datetime.KqlDateTimes.parse(text).orElseThrow();
    }

    static Duration ts(String text) {
        return io.egress.kql.engine.functions.datetime.KqlTimespans.parse(text).orElseThrow();
    }
}
