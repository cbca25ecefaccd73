package io.egress.kql.engine.functions.dynamic;

import static io.egress.data.ScalarType.BOOL;
import static io.egress.data.ScalarType.DYNAMIC;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.REAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.kql.engine.functions.operators.Compare;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.Keys;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Functions over dynamic arrays and property bags. A non-array where an array is expected gives null. */
public final class DynamicFunctions {
    private DynamicFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(Fn.simple("array_length", LONG, 1, 1, a -> {
            JsonNode n = array(a[0]);
            return n == null ? null : (long) n.size();
        }, "array_length(dynamic) -> long"));
        Fn pack = Fn.simple("bag_pack", DYNAMIC, 0, 128, a -> {
            ObjectNode out = Values.NODES.objectNode();
            for (int i = 0; i + 1 < a.length; i += 2) {
                out.set(Values.str(a[i]), Values.scalarToJson(a[i + 1]));
            }
            return out;
        }, "bag_pack(string key, value, ...) -> dynamic");
        b.add(pack).alias("pack", pack).alias("pack_dictionary", pack);
        b.add(new Fn("range", List.of("range(number start, number stop [, number step]) -> dynamic",
                "range(datetime start, datetime stop [, timespan step]) -> dynamic",
                "range(timespan start, timespan stop [, timespan step]) -> dynamic"), (t, c) -> {
            String err = Fn.arity("range", t.size(), 2, 3);
            if (err != null) {
                return io.egress.kql.engine.functions.BindResult.error(err);
            }
            return io.egress.kql.engine.functions.BindResult.bound(Fn.pure(DYNAMIC, DynamicFunctions::range));
        }));
        b.add(Fn.simple("pack_array", DYNAMIC, 0, 128, a -> {
            ArrayNode out = Values.NODES.arrayNode();
            for (Object o : a) {
                out.add(Values.scalarToJson(o));
            }
            return out;
        }, "pack_array(value, ...) -> dynamic"));
        b.add(Fn.simple("bag_keys", DYNAMIC, 1, 1, a -> {
            JsonNode n = Values.toDynamic(a[0]);
            if (n == null || !n.isObject()) {
                return null;
            }
            ArrayNode out = Values.NODES.arrayNode();
            n.fieldNames().forEachRemaining(out::add);
            return out;
        }, "bag_keys(dynamic) -> dynamic"));
        b.add(Fn.simple("bag_merge", DYNAMIC, 2, 64, a -> {
            ObjectNode out = Values.NODES.objectNode();
            for (Object o : a) {
                JsonNode n = Values.toDynamic(o);
                if (n != null && n.isObject()) {
                    // docs: when a key is in several bags, the leftmost value is kept
                    n.fields().forEachRemaining(e -> {
                        if (!out.has(e.getKey())) {
                            out.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }
            return out;
        }, "bag_merge(dynamic, dynamic, ...) -> dynamic"));
        b.add(Fn.simple("bag_has_key", BOOL, 2, 2, a -> {
            JsonNode n = Values.toDynamic(a[0]);
            return n != null && n.isObject() && n.has(Values.str(a[1]));
        }, "bag_has_key(dynamic, string) -> bool"));
        b.add(Fn.simple("bag_remove_keys", DYNAMIC, 2, 2, a -> {
            JsonNode n = Values.toDynamic(a[0]);
            JsonNode keys = array(a[1]);
            if (n == null || !n.isObject()) {
                return null;
            }
            ObjectNode out = ((ObjectNode) n).deepCopy();
            if (keys != null) {
                keys.forEach(k -> out.remove(Values.str(k)));
            }
            return out;
        }, "bag_remove_keys(dynamic, dynamic keys) -> dynamic"));
        b.add(Fn.simple("set_has_element", BOOL, 2, 2, a -> {
            JsonNode n = array(a[0]);
            return n == null ? null : indexOf(n, a[1], 0) >= 0;
        }, "set_has_element(dynamic array, value) -> bool"));
        b.add(Fn.simple("array_index_of", LONG, 2, 2, a -> {
            JsonNode n = array(a[0]);
            return n == null ? null : (long) indexOf(n, a[1], 0);
        }, "array_index_of(dynamic array, value) -> long"));
        b.add(Fn.simple("array_concat", DYNAMIC, 1, 64, a -> {
            ArrayNode out = Values.NODES.arrayNode();
            for (Object o : a) {
                JsonNode n = array(o);
                if (n == null) {
                    return null;
                }
                out.addAll((ArrayNode) n);
            }
            return out;
        }, "array_concat(dynamic, dynamic, ...) -> dynamic"));
        b.add(Fn.simple("array_slice", DYNAMIC, 3, 3, DynamicFunctions::slice, "array_slice(dynamic, long start, long end) -> dynamic"));
        b.add(Fn.simple("array_reverse", DYNAMIC, 1, 1, a -> {
            JsonNode n = array(a[0]);
            if (n == null) {
                return null;
            }
            ArrayNode out = Values.NODES.arrayNode();
            for (int i = n.size() - 1; i >= 0; i--) {
                out.add(n.get(i));
            }
            return out;
        }, "array_reverse(dynamic) -> dynamic"));
        b.add(Fn.simple("array_sort_asc", DYNAMIC, 1, 2, a -> sort(a, 1), "array_sort_asc(dynamic [, bool nulls_last]) -> dynamic"));
        b.add(Fn.simple("array_sort_desc", DYNAMIC, 1, 2, a -> sort(a, -1), "array_sort_desc(dynamic [, bool nulls_last]) -> dynamic"));
        b.add(Fn.simple("set_union", DYNAMIC, 2, 64, a -> setOp(a, 0), "set_union(dynamic, dynamic, ...) -> dynamic"));
        b.add(Fn.simple("set_intersect", DYNAMIC, 2, 64, a -> setOp(a, 1), "set_intersect(dynamic, dynamic, ...) -> dynamic"));
        b.add(Fn.simple("set_difference", DYNAMIC, 2, 64, a -> setOp(a, 2), "set_difference(dynamic, dynamic, ...) -> dynamic"));
        b.add(Fn.simple("zip", DYNAMIC, 2, 16, a -> {
            List<JsonNode> arrays = new ArrayList<>();
            int longest = 0;
            for (Object o : a) {
                JsonNode n = array(o);
                if (n == null) {
                    return null;
                }
                arrays.add(n);
                longest = Math.max(longest, n.size());
            }
            ArrayNode out = Values.NODES.arrayNode();
            for (int i = 0; i < longest; i++) {
                ArrayNode row = out.addArray();
                for (JsonNode n : arrays) {
                    row.add(i < n.size() ? n.get(i) : Values.NODES.nullNode());
                }
            }
            return out;
        }, "zip(dynamic, dynamic, ...) -> dynamic"));
        b.add(Fn.simple("parse_xml", DYNAMIC, 1, 1, a -> XmlToJson.parse(Values.str(a[0])), "parse_xml(string) -> dynamic"));
        b.add(Fn.simple("array_sum", REAL, 1, 1, a -> {
            JsonNode n = array(a[0]);
            if (n == null) {
                return null;
            }
            double sum = 0;
            for (JsonNode e : n) {
                Double d = Values.toReal(e);
                if (d != null) {
                    sum += d;
                }
            }
            return sum;
        }, "array_sum(dynamic) -> real"));
    }

    static JsonNode array(Object v) {
        JsonNode n = Values.toDynamic(v);
        return n != null && n.isArray() ? n : null;
    }

    private static int indexOf(JsonNode arr, Object value, int from) {
        Object key = Keys.key(value, false);
        for (int i = from; i < arr.size(); i++) {
            if (java.util.Objects.equals(Keys.key(arr.get(i), false), key)) {
                return i;
            }
        }
        return -1;
    }

    /** Docs: end is inclusive; negative indices count from the end. */
    private static Object slice(Object[] a) {
        JsonNode n = array(a[0]);
        Long start = Values.toLong(a[1]);
        Long end = Values.toLong(a[2]);
        if (n == null || start == null || end == null) {
            return null;
        }
        int size = n.size();
        long s = start < 0 ? size + start : start;
        long e = end < 0 ? size + end : end;
        s = Math.max(0, s);
        e = Math.min(size - 1, e);
        ArrayNode out = Values.NODES.arrayNode();
        for (long i = s; i <= e; i++) {
            out.add(n.get((int) i));
        }
        return out;
    }

    private static Object sort(Object[] a, int sign) {
        JsonNode n = array(a[0]);
        if (n == null) {
            return null;
        }
        boolean nullsLast = a.length < 2 || a[1] == null || Values.isTrue(a[1]);
        List<JsonNode> items = new ArrayList<>();
        List<JsonNode> nulls = new ArrayList<>();
        n.forEach(e -> (e.isNull() ? nulls : items).add(e));
        items.sort((x, y) -> {
            Integer c = Compare.compare(x, y);
            if (c == null) {
                c = Values.str(x).compareTo(Values.str(y));
            }
            return c * sign;
        });
        ArrayNode out = Values.NODES.arrayNode();
        if (!nullsLast) {
            out.addAll(nulls);
        }
        out.addAll(items);
        if (nullsLast) {
            out.addAll(nulls);
        }
        return out;
    }

    /** 0 union, 1 intersect, 2 difference (first minus the others); results keep first-seen order, distinct. */
    private static Object setOp(Object[] a, int kind) {
        List<JsonNode> arrays = new ArrayList<>();
        for (Object o : a) {
            JsonNode n = array(o);
            if (n == null) {
                return null;
            }
            arrays.add(n);
        }
        ArrayNode out = Values.NODES.arrayNode();
        Set<Object> seen = new HashSet<>();
        Iterator<JsonNode> source = kind == 0 ? arrays.stream().flatMap(x -> {
            List<JsonNode> l = new ArrayList<>();
            x.forEach(l::add);
            return l.stream();
        }).iterator() : arrays.get(0).iterator();
        List<Set<Object>> others = new ArrayList<>();
        for (int i = 1; i < arrays.size(); i++) {
            Set<Object> s = new HashSet<>();
            arrays.get(i).forEach(e -> s.add(Keys.key(e, false)));
            others.add(s);
        }
        while (source.hasNext()) {
            JsonNode e = source.next();
            Object k = Keys.key(e, false);
            if (!seen.add(k)) {
                continue;
            }
            boolean keep = switch (kind) {
                case 1 -> others.stream().allMatch(s -> s.contains(k));
                case 2 -> others.stream().noneMatch(s -> s.contains(k));
                default -> true;
            };
            if (keep) {
                out.add(e);
            }
        }
        return out;
    }

    /** Kusto caps range() at this many elements (larger ranges give null). */
    private static final int MAX_RANGE = 1_048_576;

    /** range(start, stop[, step]): equally spaced values from start while not past stop; bad input gives null. */
    private static Object range(Object[] a) {
        Object start = Values.unwrap(a[0]);
        Object stop = Values.unwrap(a[1]);
        Object step = a.length > 2 ? Values.unwrap(a[2]) : null;
        ArrayNode out = Values.NODES.arrayNode();
        if (start instanceof java.time.Instant || start instanceof java.time.Duration) {
            java.time.Duration d = step instanceof java.time.Duration x ? x : a.length > 2 ? null : java.time.Duration.ofDays(1);
            if (d == null || d.isZero() || start.getClass() != (stop == null ? null : stop.getClass())) {
                return null;
            }
            long from = start instanceof java.time.Instant i ? i.getEpochSecond() * 1_000_000_000L + i.getNano()
                    : ((java.time.Duration) start).toNanos();
            long to = stop instanceof java.time.Instant i ? i.getEpochSecond() * 1_000_000_000L + i.getNano()
                    : ((java.time.Duration) stop).toNanos();
            long by = d.toNanos();
            for (long v = from; by > 0 ? v <= to : v >= to; v += by) {
                if (out.size() >= MAX_RANGE) {
                    return null;
                }
                out.add(Values.scalarToJson(start instanceof java.time.Instant
                        ? java.time.Instant.ofEpochSecond(0, v) : java.time.Duration.ofNanos(v)));
            }
            return out;
        }
        if (!(start instanceof Number) || !(stop instanceof Number) || (a.length > 2 && !(step instanceof Number))) {
            return null;
        }
        Number by = a.length > 2 ? (Number) step : 1L;
        boolean integral = isIntegral(start) && isIntegral(stop) && isIntegral(by);
        if (integral) {
            long from = ((Number) start).longValue();
            long to = ((Number) stop).longValue();
            long inc = by.longValue();
            if (inc == 0) {
                return null;
            }
            for (long v = from; inc > 0 ? v <= to : v >= to; v += inc) {
                if (out.size() >= MAX_RANGE) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        double from = ((Number) start).doubleValue();
        double to = ((Number) stop).doubleValue();
        double inc = by.doubleValue();
        if (inc == 0 || Double.isNaN(inc) || Double.isNaN(from) || Double.isNaN(to)) {
            return null;
        }
        for (long i = 0; ; i++) {
            double v = from + i * inc;
            if (inc > 0 ? v > to : v < to) {
                break;
            }
            if (out.size() >= MAX_RANGE) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    private static boolean isIntegral(Object n) {
        return n instanceof Long || n instanceof Integer;
    }
}
