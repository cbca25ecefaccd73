package io.egress.kql.engine.functions.support;

import io.egress.data.ScalarType;
import java.util.List;
import java.util.Optional;

/** Type unification for functions whose result type follows their arguments ({@code iff}, {@code case}, {@code coalesce}). */
public final class Types {
    private Types() {
    }

    /** The common type of {@code types}: equal types, numbers promoted (int → long → real), else dynamic if present. */
    public static Optional<ScalarType> unify(List<ScalarType> types) {
        ScalarType result = null;
        for (ScalarType t : types) {
            if (result == null || result == t) {
                result = t;
            } else if (result.isNumeric() && t.isNumeric()) {
                result = promote(result, t);
            } else if (result == ScalarType.DYNAMIC || t == ScalarType.DYNAMIC) {
                result = ScalarType.DYNAMIC;
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(result);
    }

    public static ScalarType promote(ScalarType a, ScalarType b) {
        if (a == ScalarType.REAL || b == ScalarType.REAL) {
            return ScalarType.REAL;
        }
        if (a == ScalarType.DECIMAL || b == ScalarType.DECIMAL) {
            return ScalarType.DECIMAL;
        }
        if (a == ScalarType.LONG || b == ScalarType.LONG) {
            return ScalarType.LONG;
        }
        return ScalarType.INT;
    }
}
