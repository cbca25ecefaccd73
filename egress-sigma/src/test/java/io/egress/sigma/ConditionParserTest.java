package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.sigma.model.Condition;
import io.egress.sigma.model.Condition.And;
import io.egress.sigma.model.Condition.Not;
import io.egress.sigma.model.Condition.Or;
import io.egress.sigma.model.Condition.Quantified;
import io.egress.sigma.model.Condition.Ref;
import io.egress.sigma.parse.ConditionParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionParserTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("sel", new Ref("sel")),
                Arguments.of("a and b or c", new Or(List.of(new And(List.of(new Ref("a"), new Ref("b"))), new Ref("c")))),
                Arguments.of("a and (b or c)", new And(List.of(new Ref("a"), new Or(List.of(new Ref("b"), new Ref("c")))))),
                Arguments.of("not a and b", new And(List.of(new Not(new Ref("a")), new Ref("b")))),
                Arguments.of("not not a", new Not(new Not(new Ref("a")))),
                Arguments.of("1 of sel* and not 1 of filter*",
                        new And(List.of(new Quantified(false, "sel*"), new Not(new Quantified(false, "filter*"))))),
                Arguments.of("all of them", new Quantified(true, "them")),
                Arguments.of("1 of them", new Quantified(false, "them")),
                Arguments.of("A AND NOT B", new And(List.of(new Ref("A"), new Not(new Ref("B"))))),
                Arguments.of("(a)", new Ref("a")),
                Arguments.of("a\n    and b", new And(List.of(new Ref("a"), new Ref("b")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String text, Condition expected) {
        assertThat(ConditionParser.parse(text)).isEqualTo(Result.ok(expected));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "empty condition"),
                Arguments.of("a and", "ends early"),
                Arguments.of("(a or b", "missing `)`"),
                Arguments.of("a b", "unexpected `b`"),
                Arguments.of("2 of sel*", "only `1 of` and `all of`"),
                Arguments.of("1 of", "needs a search identifier pattern"),
                Arguments.of("and a", "expected a search identifier"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalid")
    void rejects(String text, String message) {
        Result<Condition> result = ConditionParser.parse(text);
        assertThat(result).isInstanceOf(Result.Fail.class);
        Problem problem = ((Result.Fail<Condition>) result).problem();
        assertThat(problem.status()).isEqualTo(Status.INVALID);
        assertThat(problem.reason()).contains(message);
    }
}
