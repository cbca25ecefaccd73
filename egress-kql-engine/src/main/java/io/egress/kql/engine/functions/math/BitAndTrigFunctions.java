package io.egress.kql.engine.functions.math;

import static io.egress.data.ScalarType.BOOL;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.REAL;

import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;

/** Bitwise functions (binary_and, binary_shift_left, bitset_count_ones, ...), trigonometry and float tests. */
public final class BitAndTrigFunctions {
    private BitAndTrigFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(bits("binary_and", (x, y) -> x & y));
        b.add(bits("binary_or", (x, y) -> x | y));
        b.add(bits("binary_xor", (x, y) -> x ^ y));
        b.add(bits("binary_shift_left", (x, y) -> y < 0 || y > 63 ? 0 : x << y));
        b.add(bits("binary_shift_right", (x, y) -> y < 0 || y > 63 ? 0 : x >> y));
        b.add(Fn.typed("binary_not", LONG, 1, 1, Fn.params(LONG), a -> ~Values.toLong(a[0]), "binary_not(long) -> long"));
        b.add(Fn.typed("bitset_count_ones", LONG, 1, 1, Fn.params(LONG), a -> (long) Long.bitCount(Values.toLong(a[0])), "bitset_count_ones(long) -> long"));
        b.add(trig("sin", Math::sin));
        b.add(trig("cos", Math::cos));
        b.add(trig("tan", Math::tan));
        b.add(trig("cot", x -> 1.0 / Math.tan(x)));
        b.add(trig("asin", Math::asin));
        b.add(trig("acos", Math::acos));
        b.add(trig("atan", Math::atan));
        b.add(trig("degrees", Math::toDegrees));
        b.add(trig("radians", Math::toRadians));
        b.add(Fn.typed("atan2", REAL, 2, 2, Fn.params(REAL), a -> Math.atan2(Values.toReal(a[0]), Values.toReal(a[1])), "atan2(real y, real x) -> real"));
        b.add(Fn.simple("pi", REAL, 0, 0, a -> Math.PI, "pi() -> real"));
        b.add(Fn.simple("isnan", BOOL, 1, 1, a -> {
            Double d = Values.toReal(a[0]);
            return d != null && d.isNaN();
        }, "isnan(real) -> bool"));
        b.add(Fn.simple("isinf", BOOL, 1, 1, a -> {
            Double d = Values.toReal(a[0]);
            return d != null && d.isInfinite();
        }, "isinf(real) -> bool"));
        b.add(Fn.simple("isfinite", BOOL, 1, 1, a -> {
            Double d = Values.toReal(a[0]);
            return d != null && !d.isNaN() && !d.isInfinite();
        }, "isfinite(real) -> bool"));
    }

    private static Fn bits(String name, LongBinaryOperator op) {
        return Fn.typed(name, LONG, 2, 2, Fn.params(LONG), a -> op.applyAsLong(Values.toLong(a[0]), Values.toLong(a[1])), name + "(long, long) -> long");
    }

    private static Fn trig(String name, DoubleUnaryOperator f) {
        return Fn.typed(name, REAL, 1, 1, Fn.params(REAL), a -> f.applyAsDouble(Values.toReal(a[0])), name + "(real) -> real");
    }
}
