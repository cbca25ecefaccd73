package io.egress.kql.engine.functions.operators;

import static io.egress.data.ScalarType.BOOL;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.Keys;
import io.egress.kql.engine.functions.support.Values;
import io.egress.kql.engine.functions.terms.TermMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code in}, {@code !in}, {@code in~}, {@code !in~} (hash sets built once), {@code has_any},
 * {@code has_all} (one {@link TermMatcher}), and {@code between}.
 */
final class SetOperators {
    private SetOperators() {
    }

    /** A constant right side as a flat list: dynamic arrays are expanded (nested ones too). */
    static List<Object> flatten(Object constant) {
        List<Object> out = new ArrayList<>();
        addFlat(constant, out);
        return out;
    }

    private static void addFlat(Object v, List<Object> out) {
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                addFlat(o, out);
            }
        } else if (v instanceof Object[] arr) {
            for (Object o : arr) {
                addFlat(o, out);
            }
        } else if (v instanceof JsonNode n && n.isArray()) {
            n.forEach(e -> addFlat(e, out));
        } else {
            out.add(Values.unwrap(v));
        }
    }

    static BindResult<BoundScalar> bind(String op, ScalarType left, List<Object> rawValues) {
        List<Object> values = flatten(rawValues);
        switch (op) {
            case "in", "!in", "in~", "!in~": {
                boolean ci = op.endsWith("~");
                boolean negated = op.startsWith("!");
                boolean textual = left == ScalarType.STRING;
                boolean numeric = Arithmetic.isNum(left);
                Set<Object> keys = new HashSet<>();
                for (Object v : values) {
                    if (numeric && v instanceof String s) {
                        v = Values.toReal(s.strip()); // RemotePort in ("3389", "22"): the strings read as numbers
                    }
                    Object k = key(textual ? Values.str(v) : v, ci);
                    if (k != null) {
                        keys.add(k);
                    }
                }
                return BindResult.bound(Fn.pure(BOOL, a -> {
                    Object k = key(a[0], ci);
                    if (k == null) {
                        return negated; // a null is in no list
                    }
                    return keys.contains(k) != negated;
                }));
            }
            case "has_any", "has_all": {
                List<String> needles = values.stream().map(Values::str).toList();
                TermMatcher m = TermMatcher.compile(needles, false);
                boolean all = op.equals("has_all");
                return BindResult.bound(Fn.pure(BOOL, a -> {
                    String s = Values.text(a[0]);
                    return all ? m.matchesAll(s) : m.matchesAny(s);
                }));
            }
            default:
                return BindResult.error("unknown set operator '" + op + "'");
        }
    }

    static Object key(Object v, boolean ci) {
        return Keys.key(v, ci);
    }

    static BindResult<BoundScalar> between(boolean negated, ScalarType value, ScalarType low, ScalarType high) {
        boolean numeric = Arithmetic.isNum(value) && Arithmetic.isNum(low) && Arithmetic.isNum(high);
        boolean dates = value == ScalarType.DATETIME && low == ScalarType.DATETIME
                && (high == ScalarType.DATETIME || high == ScalarType.TIMESPAN);
        boolean spans = value == ScalarType.TIMESPAN && low == ScalarType.TIMESPAN && high == ScalarType.TIMESPAN;
        if (!numeric && !dates && !spans && value != ScalarType.DYNAMIC) {
            return BindResult.error("'between' is not defined for " + value + " in (" + low + " .. " + high + ")");
        }
        return BindResult.bound(Fn.pure(BOOL, a -> {
            Object hi = a[2];
            if (a[1] instanceof Instant from && hi instanceof Duration span) {
                hi = from.plus(span); // docs: "datetime(...) .. 2d" means low + span
            }
            Integer c1 = Compare.compare(a[0], a[1]);
            Integer c2 = Compare.compare(a[0], hi);
            if (c1 == null || c2 == null) {
                return null;
            }
            return (c1 >= 0 && c2 <= 0) != negated;
        }));
    }
}
