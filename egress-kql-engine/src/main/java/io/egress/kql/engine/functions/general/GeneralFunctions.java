package io.egress.kql.engine.functions.general;

import static io.egress.data.ScalarType.BOOL;
import static io.egress.data.ScalarType.DATETIME;
import static io.egress.data.ScalarType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Types;
import io.egress.kql.engine.functions.support.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Conditionals and null tests: iff/iif, case, coalesce, isempty, isnotempty, isnull, isnotnull, not, gettype, ingestion_time. */
public final class GeneralFunctions {
    private GeneralFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        Fn iff = new Fn("iff", List.of("iff(bool, T, T) -> T"), GeneralFunctions::bindIff);
        b.add(iff).alias("iif", iff);
        b.add(new Fn("case", List.of("case(bool, T, [bool, T, ...], T) -> T"), GeneralFunctions::bindCase));
        b.add(new Fn("coalesce", List.of("coalesce(T, T, ...) -> T"), GeneralFunctions::bindCoalesce));
        b.add(Fn.simple("isempty", BOOL, 1, 1, a -> isEmpty(a[0]), "isempty(scalar) -> bool"));
        b.add(Fn.simple("isnotempty", BOOL, 1, 1, a -> !isEmpty(a[0]), "isnotempty(scalar) -> bool"));
        Fn isnull = Fn.simple("isnull", BOOL, 1, 1, a -> isNull(a[0]), "isnull(scalar) -> bool");
        Fn isnotnull = Fn.simple("isnotnull", BOOL, 1, 1, a -> !isNull(a[0]), "isnotnull(scalar) -> bool");
        b.add(isnull).add(isnotnull).alias("notnull", isnotnull);
        b.alias("notempty", Fn.simple("isnotempty", BOOL, 1, 1, a -> !isEmpty(a[0]), "isnotempty(scalar) -> bool"));
        b.add(Fn.simple("not", BOOL, 1, 1, a -> {
            Boolean v = Values.toBool(a[0]);
            return v == null ? null : !v;
        }, "not(bool) -> bool"));
        b.add(new Fn("gettype", List.of("gettype(scalar) -> string"), (t, c) -> {
            String err = Fn.arity("gettype", t.size(), 1, 1);
            ScalarType type = t.isEmpty() ? null : t.get(0);
            return err != null ? BindResult.error(err) : BindResult.bound(Fn.pure(STRING, a -> typeName(type, a[0])));
        }));
        // Ingestion time is not recorded for offline files.
        b.add(Fn.simple("ingestion_time", DATETIME, 0, 0, a -> null, "ingestion_time() -> datetime (always null offline)"));
    }

    /** Kusto's isempty: null, an empty string, or (dynamic) an empty string value. */
    public static boolean isEmpty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof JsonNode n) {
            return n.isNull() || n.isMissingNode() || (n.isTextual() && n.textValue().isEmpty());
        }
        return false;
    }

    public static boolean isNull(Object v) {
        return v == null || (v instanceof JsonNode n && (n.isNull() || n.isMissingNode()));
    }

    static String typeName(ScalarType type, Object v) {
        if (type != ScalarType.DYNAMIC) {
            if (v == null && type != STRING) {
                return "null";
            }
            return type == null ? "null" : type.kqlName();
        }
        if (!(v instanceof JsonNode n) || n.isNull() || n.isMissingNode()) {
            return "null";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "dictionary";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt() ? "int" : "long";
        }
        return "real";
    }

    private static BindResult<BoundScalar> bindIff(List<ScalarType> t, List<Object> c) {
        String err = Fn.arity("iff", t.size(), 3, 3);
        if (err != null) {
            return BindResult.error(err);
        }
        Optional<ScalarType> type = Types.unify(t.subList(1, 3));
        if (type.isEmpty()) {
            return BindResult.error("iff(): the 'then' and 'else' values must have one type, got " + t.get(1) + " and " + t.get(2));
        }
        ScalarType r = type.get();
        return BindResult.bound(Fn.pure(r, a -> Values.coerce(r, Values.isTrue(a[0]) ? a[1] : a[2])));
    }

    private static BindResult<BoundScalar> bindCase(List<ScalarType> t, List<Object> c) {
        if (t.size() < 3 || t.size() % 2 == 0) {
            return BindResult.error("case() expects pairs of (predicate, value) and a final else value, got " + t.size() + " argument(s)");
        }
        List<ScalarType> results = new ArrayList<>();
        for (int i = 1; i < t.size(); i += 2) {
            results.add(t.get(i));
        }
        results.add(t.get(t.size() - 1));
        Optional<ScalarType> type = Types.unify(results);
        if (type.isEmpty()) {
            return BindResult.error("case(): all values must have one type, got " + results);
        }
        ScalarType r = type.get();
        return BindResult.bound(Fn.pure(r, a -> {
            for (int i = 0; i + 1 < a.length; i += 2) {
                if (Values.isTrue(a[i])) {
                    return Values.coerce(r, a[i + 1]);
                }
            }
            return Values.coerce(r, a[a.length - 1]);
        }));
    }

    private static BindResult<BoundScalar> bindCoalesce(List<ScalarType> t, List<Object> c) {
        String err = Fn.arity("coalesce", t.size(), 1, 64);
        if (err != null) {
            return BindResult.error(err);
        }
        Optional<ScalarType> type = Types.unify(t);
        if (type.isEmpty()) {
            return BindResult.error("coalesce(): all arguments must have one type, got " + t);
        }
        ScalarType r = type.get();
        return BindResult.bound(Fn.pure(r, a -> {
            for (Object v : a) {
                // docs: the first value that is not null (for strings, not empty)
                if (!(r == STRING ? isEmpty(v) : isNull(v))) {
                    return Values.coerce(r, v);
                }
            }
            return Values.coerce(r, null);
        }));
    }
}
