package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.provider.Arguments;

/** One table row: a function call with constant arguments and its expected value. */
record Row(String name, Object[] args, Object expected, boolean constantOnly) {
    static Arguments of(Object expected, String name, Object... args) {
        return Arguments.of(new Row(name, args, expected, false));
    }

    /** A row whose arguments must be constants (type literals, percentile lists). */
    static Arguments constant(Object expected, String name, Object... args) {
        return Arguments.of(new Row(name, args, expected, true));
    }

    /** Runs the call twice (constant and per-row arguments) and compares; JSON compares as text. */
    void check() {
        Object constant = Eval.call(name, args);
        compare(constant);
        if (!constantOnly) {
            compare(Eval.callDynamicArgs(name, args));
        }
    }

    private void compare(Object actual) {
        if (actual instanceof JsonNode n && expected instanceof String s) {
            assertThat(n.toString()).as(toString()).isEqualTo(s);
        } else {
            assertThat(actual).as(toString()).isEqualTo(expected);
        }
    }

    @Override
    public String toString() {
        return name + "(" + Arrays.stream(args).map(a -> a instanceof String s ? "\"" + s + "\"" : String.valueOf(a))
                .collect(Collectors.joining(", ")) + ") -> " + expected;
    }
}
