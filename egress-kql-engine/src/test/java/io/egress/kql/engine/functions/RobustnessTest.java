package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.operators.StandardOperators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scalar function, bound with each arity it accepts over a few argument types, must not throw
 * on null, empty or odd argument values: a bad value gives null (or a documented default), never a
 * crash of the query.
 */
class RobustnessTest {
    private static final Object[][] SAMPLES = {
        {ScalarType.STRING, ""}, {ScalarType.STRING, "x"}, {ScalarType.STRING, "-1"}, {ScalarType.LONG, null},
        {ScalarType.LONG, -5L}, {ScalarType.LONG, 0L}, {ScalarType.REAL, Double.NaN}, {ScalarType.DYNAMIC, null},
        {ScalarType.DYNAMIC, Eval.json("[1,\"a\",null]")}, {ScalarType.DYNAMIC, Eval.json("{\"k\":1}")},
        {ScalarType.DATETIME, null}, {ScalarType.TIMESPAN, null}, {ScalarType.BOOL, null}};

    @Test
    void noFunctionThrowsOnOddValues() {
        List<String> failures = new ArrayList<>();
        for (ScalarFunction f : Eval.REGISTRY.scalars()) {
            for (int arity = 0; arity <= 4; arity++) {
                for (Object[] sample : SAMPLES) {
                    ScalarType t = (ScalarType) sample[0];
                    List<ScalarType> types = Collections.nCopies(arity, t);
                    Object[] args = new Object[arity];
                    Arrays.fill(args, sample[1]);
                    for (boolean constant : new boolean[] {true, false}) {
                        BindResult<BoundScalar> r;
                        try {
                            r = f.bind(types, constant ? Arrays.asList(args) : Arrays.asList(new Object[arity]));
                        } catch (RuntimeException e) {
                            failures.add("bind " + f.name() + types + ": " + e);
                            continue;
                        }
                        if (r instanceof BindResult.Bound<BoundScalar> b) {
                            try {
                                b.implementation().invoke(args.clone(), Eval.CTX);
                            } catch (RuntimeException e) {
                                failures.add(f.name() + types + " " + Arrays.toString(args) + ": " + e);
                            }
                        }
                    }
                }
            }
        }
        assertThatCode(() -> {
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " failures:\n" + String.join("\n", failures));
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void noOperatorThrowsOnOddValues() {
        List<String> failures = new ArrayList<>();
        for (String op : StandardOperators.BINARY) {
            for (Object[] left : SAMPLES) {
                for (Object[] right : SAMPLES) {
                    for (boolean constant : new boolean[] {true, false}) {
                        BindResult<BoundScalar> r;
                        try {
                            r = Eval.REGISTRY.operators().bindBinary(op, (ScalarType) left[0], (ScalarType) right[0],
                                    constant ? right[1] : null);
                            if (r instanceof BindResult.Bound<BoundScalar> b) {
                                b.implementation().invoke(new Object[] {left[1], right[1]}, Eval.CTX);
                            }
                        } catch (RuntimeException e) {
                            failures.add(left[0] + " " + op + " " + right[0] + " (" + left[1] + ", " + right[1] + "): " + e);
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }

    @Test
    void noAggregateThrowsOnOddValues() {
        List<String> failures = new ArrayList<>();
        for (AggregateFunction f : Eval.REGISTRY.aggregates()) {
            for (int arity = 0; arity <= 3; arity++) {
                for (Object[] sample : SAMPLES) {
                    List<ScalarType> types = Collections.nCopies(arity, (ScalarType) sample[0]);
                    Object[] args = new Object[arity];
                    Arrays.fill(args, sample[1]);
                    try {
                        var r = f.bind(types, Arrays.asList(args));
                        if (r instanceof BindResult.Bound<AggregateFunction.BoundAggregate> b) {
                            AggregateFunction.Accumulator acc = b.implementation().newAccumulator();
                            acc.add(args.clone());
                            acc.add(args.clone());
                            AggregateFunction.Accumulator other = b.implementation().newAccumulator();
                            other.add(args.clone());
                            acc.merge(other);
                            acc.result();
                        }
                    } catch (RuntimeException e) {
                        failures.add(f.name() + types + " " + Arrays.toString(args) + ": " + e);
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }
}
