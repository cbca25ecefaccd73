package io.egress.kql.engine.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.kql.engine.functions.terms.Terms;
import java.math.BigDecimal;

/** Hashable normal forms of values, so that 1, 1L, 1.0 and dynamic(1) are one key (for in, dcount, make_set). */
public final class Keys {
    private Keys() {
    }

    /** Numbers as long when whole, else double; strings folded when {@code ci}; JSON containers as their text; null stays null. */
    public static Object key(Object v, boolean ci) {
        v = Values.unwrap(v);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return ci ? Terms.fold(s) : s;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 9e18 ? (Object) (long) d.doubleValue() : d;
        }
        if (v instanceof BigDecimal b) {
            return key(b.doubleValue(), ci);
        }
        if (v instanceof JsonNode n) {
            return n.toString();
        }
        return v;
    }
}
