package io.egress.kql.syntax.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.parser.KqlParser;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Statement;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Token-level behaviour: kinds, names, whitespace, comments. */
class LexerTest {

    private static List<Token> lex(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = Lexer.tokenize(text, diagnostics);
        assertThat(diagnostics).as("lexer diagnostics for %s", text).isEmpty();
        return tokens;
    }

    private static List<String> texts(String text) {
        return lex(text).stream().filter(t -> t.kind() != TokenKind.END).map(Token::text).toList();
    }

    static Stream<Arguments> tokenSplits() {
        return Stream.of(
                Arguments.of("T | project-away a | mv-expand b", "T,|,project-away,a,|,mv-expand,b"),
                Arguments.of("x !has 'a' and y !in~ (1)", "x,!has,'a',and,y,!in~,(,1,)"),
                Arguments.of("a in~ (b)", "a,in~,(,b,)"),
                Arguments.of("x =~ y != z !~ w <> v", "x,=~,y,!=,z,!~,w,<>,v"),
                Arguments.of("a..b", "a,..,b"),
                Arguments.of("$left.Id == $right.Id", "$left,.,Id,==,$right,.,Id"),
                Arguments.of("5Minutebin=1", "5Minutebin,=,1"),
                Arguments.of("T // a comment | where\n| take 1", "T,|,take,1"));
    }

    @ParameterizedTest
    @MethodSource("tokenSplits")
    void splitsTokens(String text, String expected) {
        assertThat(String.join(",", texts(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u1680", "\u2003", "\u202F", "\u3000", "\u200B", "\uFEFF", "\f", "\t", "\r\n"})
    void unicodeWhitespaceSeparatesTokens(String space) {
        assertThat(texts("let" + space + "x" + space + "=" + space + "1")).containsExactly("let", "x", "=", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u2028", "\u0085", "\u000B", "\u200D"})
    void otherInvisibleCharactersAreErrors(String character) {
        assertThat(KqlParser.parse("print" + character + "1").hasErrors()).isTrue();
    }

    @Test
    void nonAsciiLetterInNameIsRejected() {
        var r = KqlParser.parse("print été=1");
        assertThat(r.errors()).first().satisfies(d -> assertThat(d.code()).isEqualTo("KQL104"));
    }

    @Test
    void escapedNames() {
        var r = KqlParser.parse("T | extend ['a b'] = 1, [\"c'd\"] = 2 | project ['a b']");
        assertThat(r.hasErrors()).isFalse();
        var q = ((Statement.QueryStatement) r.script().statements().get(0)).expr();
        var extend = (TabularOperator.Extend) ((Expr.Pipe) ((Expr.Pipe) q).source()).op();
        assertThat(extend.columns()).extracting(a -> a.names().get(0).text()).containsExactly("a b", "c'd");
    }

    @Test
    void spaceBeforeIsRecorded() {
        List<Token> tokens = lex("a* b");
        assertThat(tokens.get(1).spaceBefore()).isFalse();
        assertThat(tokens.get(2).spaceBefore()).isTrue();
    }

    @Test
    void typedLiteralKeepsRawText() {
        Token t = lex("datetime(2024-01-01 10:00)").get(0);
        assertThat(t.kind()).isEqualTo(TokenKind.TYPED_LITERAL);
        assertThat(t.value()).isEqualTo("2024-01-01 10:00");
    }

    @Test
    void timespanUnitsAreKnown() {
        assertThat(TimespanUnits.ticks("d")).isEqualTo(864_000_000_000L);
        assertThat(TimespanUnits.ticks("ms")).isEqualTo(10_000L);
        assertThat(TimespanUnits.isUnit("GB")).isFalse();
    }
}
