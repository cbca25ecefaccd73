package io.egress.kql.engine.exec;

import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.plan.BoundExpr;
import java.util.List;

/** One aggregation of a summarize: a registry aggregate, or arg_max/arg_min (which yield several columns). */
public sealed interface AggSlot {
    /** How many output columns the slot produces. */
    int width();

    /**
     * {@code count()}, {@code dcount(x)}, {@code make_set(x)}, ... from the registry. With {@code width > 1}
     * (percentiles with several percentiles, take_any with several arguments) the accumulator's result
     * is an {@code Object[]} of that many values, spread into as many columns.
     */
    record Registry(String name, AggregateFunction.BoundAggregate aggregate, List<BoundExpr> args, int width)
            implements AggSlot {
        public Registry {
            args = List.copyOf(args);
            if (width < 1) {
                throw new IllegalArgumentException("width " + width);
            }
        }

        /** A one-column aggregate. */
        public Registry(String name, AggregateFunction.BoundAggregate aggregate, List<BoundExpr> args) {
            this(name, aggregate, args, 1);
        }

        @Override
        public String toString() {
            return name + args;
        }
    }

    /** {@code arg_max(key, values...)} / {@code arg_min}: the values of the row with the extreme key. */
    record ArgExtreme(boolean max, BoundExpr key, List<BoundExpr> values) implements AggSlot {
        public ArgExtreme {
            values = List.copyOf(values);
        }

        @Override
        public int width() {
            return 1 + values.size();
        }

        @Override
        public String toString() {
            return (max ? "arg_max(" : "arg_min(") + key + ", " + values + ")";
        }
    }
}
