package io.egress.kql.engine.functions;

import io.egress.data.ScalarType;
import java.util.List;

/**
 * Scalar operators: arithmetic ({@code + - * / %}), comparison ({@code == != < <= > >=}), logic
 * ({@code and or}), unary ({@code - not}), and the string and set operators ({@code has contains
 * startswith =~ in has_any matches regex between ...} with their {@code _cs} and {@code !} forms).
 */
public interface Operators {
    /**
     * Binds a binary operator. {@code rightConstant} is the right operand's value when it is a
     * compile-time constant (so a {@code has} needle or a regex is prepared once), else null.
     */
    BindResult<BoundScalar> bindBinary(String op, ScalarType left, ScalarType right, Object rightConstant);

    /** Binds a unary operator: {@code "-"} (negation) or {@code "not"}. */
    BindResult<BoundScalar> bindUnary(String op, ScalarType operand);

    /**
     * Binds a set operator whose right side is a list of constant values, evaluated once by the engine
     * (a dynamic array's elements are flattened into the list): {@code in, !in, in~, !in~, has_any,
     * has_all}. The returned scalar takes one argument: the left value.
     */
    BindResult<BoundScalar> bindSet(String op, ScalarType left, List<Object> values);

    /**
     * Binds {@code between} / {@code !between}: the returned scalar takes (value, low, high).
     */
    BindResult<BoundScalar> bindBetween(boolean negated, ScalarType value, ScalarType low, ScalarType high);
}
