package io.egress.kql.engine.functions;

import java.util.Collection;
import java.util.Optional;

/** Everything the binder may call: scalar functions, aggregations and operators. */
public interface FunctionRegistry {
    Optional<ScalarFunction> scalar(String name);

    Optional<AggregateFunction> aggregate(String name);

    Operators operators();

    Collection<ScalarFunction> scalars();

    Collection<AggregateFunction> aggregates();
}
