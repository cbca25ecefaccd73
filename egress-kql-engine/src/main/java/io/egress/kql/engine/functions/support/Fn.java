package io.egress.kql.engine.functions.support;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.EvalContext;
import io.egress.kql.engine.functions.ScalarFunction;
import java.util.List;
import java.util.Objects;

/** A table-driven scalar function: a name, its signatures, and a binder (often one of the helpers here). */
public final class Fn implements ScalarFunction {
    /** Chooses an implementation for argument types and constants. */
    @FunctionalInterface
    public interface Binder {
        BindResult<BoundScalar> bind(List<ScalarType> types, List<Object> constants);
    }

    /** A per-row body over argument values. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args, EvalContext context);
    }

    /** A per-row body over argument values that ignores the context. */
    @FunctionalInterface
    public interface PureBody {
        Object apply(Object[] args);
    }

    private final String name;
    private final List<String> signatures;
    private final Binder binder;

    public Fn(String name, List<String> signatures, Binder binder) {
        this.name = Objects.requireNonNull(name, "name");
        this.signatures = List.copyOf(signatures);
        this.binder = Objects.requireNonNull(binder, "binder");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> signatures() {
        return signatures;
    }

    @Override
    public BindResult<BoundScalar> bind(List<ScalarType> argTypes, List<Object> constants) {
        return binder.bind(argTypes, constants);
    }

    /** A bound implementation with a fixed return type. */
    public static BoundScalar bound(ScalarType returnType, Body body) {
        return new Impl(returnType, body);
    }

    public static BoundScalar pure(ScalarType returnType, PureBody body) {
        return new Impl(returnType, (a, c) -> body.apply(a));
    }

    /** An arity-checked function with one return type; the body sees raw (possibly null) values. */
    public static Fn simple(String name, ScalarType ret, int min, int max, PureBody body, String... signatures) {
        return new Fn(name, List.of(signatures), (t, c) -> {
            String err = arity(name, t.size(), min, max);
            return err != null ? BindResult.error(err) : BindResult.bound(pure(ret, body));
        });
    }

    /** Like {@link #simple} but any null argument gives null (no body call). */
    public static Fn strict(String name, ScalarType ret, int min, int max, PureBody body, String... signatures) {
        return simple(name, ret, min, max, args -> {
            for (Object a : args) {
                if (a == null) {
                    return null;
                }
            }
            return body.apply(args);
        }, signatures);
    }

    /**
     * Like {@link #simple}, but each argument is first converted to its parameter type ({@code params[i]},
     * the last one repeating); when a conversion fails (null, NaN, text that is no number) the result
     * is null, as Kusto returns null for invalid arguments. The body sees converted values only.
     */
    public static Fn typed(String name, ScalarType ret, int min, int max, ScalarType[] params, PureBody body, String... signatures) {
        return simple(name, ret, min, max, args -> {
            Object[] converted = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                ScalarType p = params[Math.min(i, params.length - 1)];
                Object v = Values.coerce(p, args[i]);
                if (v == null || (v instanceof Double d && d.isNaN() && p != ScalarType.REAL)) {
                    return null;
                }
                converted[i] = v;
            }
            return body.apply(converted);
        }, signatures);
    }

    /** Shorthand for parameter type lists. */
    public static ScalarType[] params(ScalarType... types) {
        return types;
    }

    /** Null when the count is in range, else the user-facing message. */
    public static String arity(String name, int n, int min, int max) {
        if (n >= min && n <= max) {
            return null;
        }
        String expected = min == max ? Integer.toString(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
        return "function '" + name + "' expects " + expected + " argument(s), got " + n;
    }

    private record Impl(ScalarType returnType, Body body) implements BoundScalar {
        @Override
        public Object invoke(Object[] args, EvalContext context) {
            return body.apply(args, context);
        }
    }
}
