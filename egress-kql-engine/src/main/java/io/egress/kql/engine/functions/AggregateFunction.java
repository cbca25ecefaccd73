package io.egress.kql.engine.functions;

import io.egress.data.ScalarType;
import java.util.List;

/** A named aggregation ({@code count}, {@code dcount}, {@code make_set}, ...) for summarize. */
public interface AggregateFunction {
    String name();

    List<String> signatures();

    BindResult<BoundAggregate> bind(List<ScalarType> argTypes, List<Object> constants);

    /** An aggregation bound to argument types. */
    interface BoundAggregate {
        ScalarType returnType();

        /** A fresh accumulator for one group. */
        Accumulator newAccumulator();
    }

    /** Per-group state. {@code add} gets the argument values of one row. */
    interface Accumulator {
        void add(Object[] args);

        /** Folds another accumulator of the same bound aggregate into this one (parallel partials). */
        void merge(Accumulator other);

        Object result();
    }
}
