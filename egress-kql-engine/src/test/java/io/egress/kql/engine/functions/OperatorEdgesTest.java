package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.operators.StandardOperators;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every string operator against null/empty values, regex edge cases, and dynamic left operands. */
class OperatorEdgesTest {
    static Stream<String> stringOperators() {
        return StandardOperators.BINARY.stream().filter(op -> op.matches("!?(has|contains|startswith|endswith|hasprefix|hassuffix).*|notcontains.*"));
    }

    @ParameterizedTest
    @MethodSource("stringOperators")
    void aNullOrEmptyLeftNeverMatchesANonEmptyNeedle(String op) {
        boolean negated = op.startsWith("!") || op.startsWith("not");
        for (ScalarType t : new ScalarType[] {ScalarType.STRING, ScalarType.DYNAMIC}) {
            Object left = t == ScalarType.STRING ? "" : null;
            assertThat(Eval.binaryTyped(t, left, op, ScalarType.STRING, "abc", true)).as(op + " on " + t).isEqualTo(negated);
        }
    }

    @ParameterizedTest
    @MethodSource("stringOperators")
    void caseSensitivityFollowsTheSuffix(String op) {
        boolean negated = op.startsWith("!") || op.startsWith("not");
        boolean cs = op.endsWith("_cs") || op.endsWith("cs");
        // "ABC" against needle "abc": every operator matches it when case-insensitive
        Object r = Eval.binary("ABC", op, "abc");
        assertThat(r).as(op).isEqualTo(cs == negated);
    }

    static Stream<Arguments> regexes() {
        return Stream.of(
                Arguments.of("", "", true),
                Arguments.of("abc", "", true),
                Arguments.of("abc", "^abc$", true),
                Arguments.of("xabc", "^abc", false),
                Arguments.of("a\nb", "a.b", false),
                Arguments.of("a\nb", "(?s)a.b", true),
                Arguments.of("line1\nline2", "(?m)^line2$", true),
                Arguments.of("C:\\Windows\\System32", "(?i)c:\\\\windows\\\\system32", true),
                Arguments.of("évian", "^\\w", false),
                Arguments.of("évian", "^\\pL", true),
                Arguments.of("192.168.1.1", "^\\d{1,3}(\\.\\d{1,3}){3}$", true),
                Arguments.of("powershell -enc SQBFAFgA", "-[Ee]nc(odedCommand)?\\s+[A-Za-z0-9+/=]{8,}", true));
    }

    @ParameterizedTest(name = "\"{0}\" matches regex \"{1}\" -> {2}")
    @MethodSource("regexes")
    void regex(String left, String pattern, boolean expected) {
        assertThat(Eval.binary(left, "matches regex", pattern)).isEqualTo(expected);
    }

    @Test
    void sameTypeComparisonsTolerateValuesInAnotherRepresentation() {
        assertThat(Eval.binaryTyped(ScalarType.LONG, 5, ">", ScalarType.LONG, 3L, true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.DATETIME, Eval.dt("2024-01-02"), ">", ScalarType.DATETIME, Eval.dt("2024-01-01"), true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.STRING, "b", "<", ScalarType.STRING, "a", true)).isEqualTo(false);
    }

    @Test
    void backreferencesAreRejectedAsRe2Does() {
        var r = Eval.REGISTRY.operators().bindBinary("matches regex", ScalarType.STRING, ScalarType.STRING, "(a)\\1");
        assertThat(r).isInstanceOf(BindResult.Error.class);
    }

    @Test
    void dynamicLeftOperandsAreReadAsText() {
        assertThat(Eval.binaryTyped(ScalarType.DYNAMIC, Eval.json("\"curl -T x\""), "has", ScalarType.STRING, "-T ", true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.DYNAMIC, Eval.json("[\"ftp.exe\"]"), "has", ScalarType.STRING, "ftp.exe", true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.LONG, 8080L, "has", ScalarType.STRING, "8080", true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.STRING, "a b", ":", ScalarType.STRING, "B", true)).isEqualTo(true);
    }
}
