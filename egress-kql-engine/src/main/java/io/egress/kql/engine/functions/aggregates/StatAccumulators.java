package io.egress.kql.engine.functions.aggregates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.egress.kql.engine.functions.AggregateFunction.Accumulator;
import io.egress.kql.engine.functions.operators.Compare;
import io.egress.kql.engine.functions.support.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Statistical accumulators: percentiles (nearest rank) and variance / standard deviation. */
final class StatAccumulators {
    private StatAccumulators() {
    }

    /** percentile(s): nearest-rank over all non-null values (Kusto estimates with T-Digest; this is exact). */
    static final class Percentiles implements Accumulator {
        private final double[] ps;
        private final Shape shape;
        private final List<Object> values = new ArrayList<>();

        enum Shape { ONE, COLUMNS, ARRAY }

        Percentiles(double[] ps, Shape shape) {
            this.ps = ps;
            this.shape = shape;
        }

        @Override
        public void add(Object[] args) {
            Object v = Values.unwrap(args[0]);
            if (v != null) {
                values.add(v);
            }
        }

        @Override
        public void merge(Accumulator other) {
            values.addAll(((Percentiles) other).values);
        }

        @Override
        public Object result() {
            List<Object> sorted = new ArrayList<>(values);
            Comparator<Object> cmp = (a, b) -> {
                Integer c = Compare.compare(a, b);
                return c == null ? 0 : c;
            };
            sorted.sort(cmp);
            Object[] out = new Object[ps.length];
            for (int i = 0; i < ps.length; i++) {
                out[i] = nearestRank(sorted, ps[i]);
            }
            return switch (shape) {
                case ONE -> out[0];
                case COLUMNS -> out;
                case ARRAY -> {
                    ArrayNode arr = Values.NODES.arrayNode();
                    for (Object o : out) {
                        arr.add(Values.scalarToJson(o));
                    }
                    yield arr;
                }
            };
        }

        static Object nearestRank(List<Object> sorted, double p) {
            if (sorted.isEmpty()) {
                return null;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            rank = Math.max(1, Math.min(sorted.size(), rank));
            return sorted.get(rank - 1);
        }
    }

    /** variance / stdev (sample or population) with Chan's parallel merge. */
    static final class Moments implements Accumulator {
        private final boolean population;
        private final boolean sqrt;
        private final int pred;
        private long n;
        private double mean;
        private double m2;

        Moments(boolean population, boolean sqrt, int pred) {
            this.population = population;
            this.sqrt = sqrt;
            this.pred = pred;
        }

        @Override
        public void add(Object[] args) {
            Double x = Values.toReal(args[0]);
            if (x == null || !Accumulators.admitted(args, pred)) {
                return;
            }
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        @Override
        public void merge(Accumulator other) {
            Moments o = (Moments) other;
            if (o.n == 0) {
                return;
            }
            long total = n + o.n;
            double delta = o.mean - mean;
            m2 += o.m2 + delta * delta * n * o.n / total;
            mean += delta * o.n / total;
            n = total;
        }

        @Override
        public Object result() {
            if (n == 0) {
                return null;
            }
            double var = population ? m2 / n : (n > 1 ? m2 / (n - 1) : 0.0);
            return sqrt ? Math.sqrt(var) : var;
        }
    }
}
