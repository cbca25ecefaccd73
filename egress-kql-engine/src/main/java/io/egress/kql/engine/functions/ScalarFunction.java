package io.egress.kql.engine.functions;

import io.egress.data.ScalarType;
import java.util.List;

/** A named scalar function ({@code strlen}, {@code ago}, ...) with its overloads. */
public interface ScalarFunction {
    /** The name as written in queries; lookup is case-sensitive, as in Kusto. */
    String name();

    /** One line per overload for {@code egress functions}, e.g. {@code strlen(string) -> long}. */
    List<String> signatures();

    /**
     * Chooses the overload for these argument types. {@code constants} has the value of each argument
     * that is a compile-time constant (a literal, or a {@code let} of one) and null elsewhere.
     */
    BindResult<BoundScalar> bind(List<ScalarType> argTypes, List<Object> constants);
}
