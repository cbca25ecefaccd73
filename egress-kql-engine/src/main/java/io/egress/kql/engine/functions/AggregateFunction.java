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

    /**
     * Per-group state. {@code add} gets the argument values of one row (the array may be reused by the
     * caller after the call; accumulators copy what they keep).
     *
     * <p>{@code result()} is one value in the {@link ScalarType} representation, except:
     * {@code arg_max}/{@code arg_min} return an {@code Object[]} holding all arguments of the row at
     * the extreme (args[0] is the value maximised/minimised, args[1..] the other expressions; null when
     * no row had a non-null args[0]); {@code take_any} with several arguments returns an {@code
     * Object[]} of one row's arguments; {@code percentiles} returns an {@code Object[]}, one value per
     * requested percentile. The engine spreads those arrays into columns.
     */
    interface Accumulator {
        void add(Object[] args);

        /** Folds another accumulator of the same bound aggregate into this one (parallel partials). */
        void merge(Accumulator other);

        Object result();
    }
}
