package io.egress.kql.engine.functions.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.AggregateFunction.Accumulator;
import io.egress.kql.engine.functions.operators.Compare;
import io.egress.kql.engine.functions.support.Keys;
import io.egress.kql.engine.functions.support.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulator implementations. A {@code pred} index ≥ 0 names the argument that must be true for a
 * row to count (the {@code *if} variants); -1 means every row counts. Nulls are ignored (docs, null
 * values page: count, dcount, make_*, sum, stdev, variance ignore nulls).
 */
final class Accumulators {
    private Accumulators() {
    }

    static boolean admitted(Object[] args, int pred) {
        return pred < 0 || Values.isTrue(args[pred]);
    }

    /** count() / countif(). */
    static final class Count implements Accumulator {
        private final int pred;
        private long n;

        Count(int pred) {
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            if (admitted(args, pred)) {
                n++;
            }
        }

        @Override
        public void merge(Accumulator other) {
            n += ((Count) other).n;
        }

        @Override
        public Object result() {
            return n;
        }
    }

    /** dcount() / dcountif(): exact distinct count (Kusto estimates with HyperLogLog; exact is within its error). */
    static final class DistinctCount implements Accumulator {
        private final int pred;
        private final Set<Object> seen = new HashSet<>();

        DistinctCount(int pred) {
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            Object k = Keys.key(args[0], false);
            if (k != null && admitted(args, pred)) {
                seen.add(k);
            }
        }

        @Override
        public void merge(Accumulator other) {
            seen.addAll(((DistinctCount) other).seen);
        }

        @Override
        public Object result() {
            return (long) seen.size();
        }
    }

    /** sum() / sumif() over long, real, decimal or timespan; null when no value was added. */
    static final class Sum implements Accumulator {
        private final ScalarType type;
        private final int pred;
        private long longSum;
        private double realSum;
        private BigDecimal decSum = BigDecimal.ZERO;
        private boolean any;

        Sum(ScalarType type, int pred) {
            this.type = type;
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            Object v = args[0];
            if (v == null || !admitted(args, pred)) {
                return;
            }
            switch (type) {
                case LONG -> longSum += Values.toLong(v);
                case DECIMAL -> decSum = decSum.add(Values.toDecimal(v));
                case TIMESPAN -> longSum += Values.ticks((Duration) v);
                default -> {
                    Double d = Values.toReal(v);
                    if (d == null) {
                        return;
                    }
                    realSum += d;
                }
            }
            any = true;
        }

        @Override
        public void merge(Accumulator other) {
            Sum o = (Sum) other;
            longSum += o.longSum;
            realSum += o.realSum;
            decSum = decSum.add(o.decSum);
            any |= o.any;
        }

        @Override
        public Object result() {
            if (!any) {
                return null;
            }
            return switch (type) {
                case LONG -> longSum;
                case DECIMAL -> decSum;
                case TIMESPAN -> Values.fromTicks(longSum);
                default -> realSum;
            };
        }
    }

    /** avg() / avgif(): real; null when no value. */
    static final class Avg implements Accumulator {
        private final int pred;
        private double sum;
        private long n;

        Avg(int pred) {
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            Double d = Values.toReal(args[0]);
            if (d != null && admitted(args, pred)) {
                sum += d;
                n++;
            }
        }

        @Override
        public void merge(Accumulator other) {
            sum += ((Avg) other).sum;
            n += ((Avg) other).n;
        }

        @Override
        public Object result() {
            return n == 0 ? null : sum / n;
        }
    }

    /** min/max/minif/maxif: sign -1 keeps the least, +1 the greatest. */
    static final class Extreme implements Accumulator {
        private final int sign;
        private final int pred;
        private Object best;

        Extreme(int sign, int pred) {
            this.sign = sign;
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            Object v = args[0];
            if (v == null || !admitted(args, pred)) {
                return;
            }
            offer(v);
        }

        private void offer(Object v) {
            if (best == null) {
                best = v;
                return;
            }
            Integer c = Compare.compare(v, best);
            if (c != null && c * sign > 0) {
                best = v;
            }
        }

        @Override
        public void merge(Accumulator other) {
            Object o = ((Extreme) other).best;
            if (o != null) {
                offer(o);
            }
        }

        @Override
        public Object result() {
            return best;
        }
    }

    /** make_set / make_list (+ _if): a JSON array of at most {@code max} values; sets flatten array inputs. */
    static final class Collect implements Accumulator {
        private final boolean distinct;
        private final int pred;
        private final long max;
        private final List<JsonNode> items = new ArrayList<>();
        private final Set<Object> keys = new HashSet<>();

        Collect(boolean distinct, int pred, long max) {
            this.distinct = distinct;
            this.pred = pred;
            this.max = max;
        }

        @Override
        public void add(Object[] args) {
            Object v = args[0];
            if (v == null || !admitted(args, pred)) {
                return;
            }
            JsonNode node = Values.scalarToJson(v);
            if (node.isNull()) {
                return;
            }
            if (distinct && node.isArray()) {
                node.forEach(this::offer);
            } else {
                offer(node);
            }
        }

        private void offer(JsonNode node) {
            if (items.size() >= max) {
                return;
            }
            if (distinct && !keys.add(Keys.key(node, false))) {
                return;
            }
            items.add(node);
        }

        @Override
        public void merge(Accumulator other) {
            ((Collect) other).items.forEach(this::offer);
        }

        @Override
        public Object result() {
            ArrayNode out = Values.NODES.arrayNode();
            items.forEach(out::add);
            return out;
        }
    }

    /** make_bag / make_bag_if: merges property bags; the first value of a key wins. */
    static final class Bag implements Accumulator {
        private final int pred;
        private final long max;
        private final Map<String, JsonNode> entries = new LinkedHashMap<>();

        Bag(int pred, long max) {
            this.pred = pred;
            this.max = max;
        }

        @Override
        public void add(Object[] args) {
            if (!admitted(args, pred)) {
                return;
            }
            JsonNode n = Values.toDynamic(args[0]);
            if (n != null && n.isObject()) {
                n.fields().forEachRemaining(e -> put(e.getKey(), e.getValue()));
            }
        }

        private void put(String k, JsonNode v) {
            if (entries.size() < max || entries.containsKey(k)) {
                entries.putIfAbsent(k, v);
            }
        }

        @Override
        public void merge(Accumulator other) {
            ((Bag) other).entries.forEach(this::put);
        }

        @Override
        public Object result() {
            ObjectNode out = Values.NODES.objectNode();
            entries.forEach(out::set);
            return out;
        }
    }

    /** arg_max / arg_min: keeps the whole argument row at the extreme of args[0]; the first such row wins ties. */
    static final class ArgExtreme implements Accumulator {
        private final int sign;
        private Object[] best;

        ArgExtreme(int sign) {
            this.sign = sign;
        }

        @Override
        public void add(Object[] args) {
            if (args[0] == null) {
                return;
            }
            offer(args);
        }

        private void offer(Object[] args) {
            if (best == null) {
                best = args.clone();
                return;
            }
            Integer c = Compare.compare(args[0], best[0]);
            if (c != null && c * sign > 0) {
                best = args.clone();
            }
        }

        @Override
        public void merge(Accumulator other) {
            Object[] o = ((ArgExtreme) other).best;
            if (o != null) {
                offer(o);
            }
        }

        @Override
        public Object result() {
            return best == null ? null : best.clone();
        }
    }

    /** take_any: the first row whose first argument is not null (or the first row). */
    static final class TakeAny implements Accumulator {
        private final boolean multi;
        private final int pred;
        private Object[] row;

        TakeAny(boolean multi, int pred) {
            this.multi = multi;
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            if (!admitted(args, pred)) {
                return;
            }
            if (row == null || (row[0] == null && args[0] != null)) {
                row = args.clone();
            }
        }

        @Override
        public void merge(Accumulator other) {
            Object[] o = ((TakeAny) other).row;
            if (o != null && (row == null || (row[0] == null && o[0] != null))) {
                row = o;
            }
        }

        @Override
        public Object result() {
            if (row == null) {
                return null;
            }
            return multi ? row.clone() : row[0];
        }
    }
}
