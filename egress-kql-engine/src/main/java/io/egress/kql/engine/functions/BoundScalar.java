package io.egress.kql.engine.functions;

import io.egress.data.ScalarType;

/**
 * A scalar function or operator bound to concrete argument types, ready to run per row.
 * Work that depends only on constant arguments (compiling a regex, building a term automaton) is
 * done at bind time, never in {@link #invoke}.
 */
public interface BoundScalar {
    ScalarType returnType();

    /** Evaluates with argument values in the {@link ScalarType} representation (nulls allowed). */
    Object invoke(Object[] args, EvalContext context);
}
