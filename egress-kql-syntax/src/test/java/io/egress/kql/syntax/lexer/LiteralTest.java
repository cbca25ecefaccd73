package io.egress.kql.syntax.lexer;

import static io.egress.kql.syntax.Parsing.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.LiteralKind;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every literal form: source text → kind and decoded value. */
class LiteralTest {

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("\"plain\"", LiteralKind.STRING, "plain"),
                Arguments.of("'single'", LiteralKind.STRING, "single"),
                Arguments.of("\"tab\\tnl\\nq\\\"bs\\\\\"", LiteralKind.STRING, "tab\tnl\nq\"bs\\"),
                Arguments.of("'it\\'s'", LiteralKind.STRING, "it's"),
                Arguments.of("\"\\u0041\\x42\"", LiteralKind.STRING, "AB"),
                Arguments.of("@\"C:\\Windows\\\"\"x\"", LiteralKind.STRING, "C:\\Windows\\\"x"),
                Arguments.of("@'C:\\Temp\\'''", LiteralKind.STRING, "C:\\Temp\\'"),
                Arguments.of("h\"secret\"", LiteralKind.STRING, "secret"),
                Arguments.of("H'secret'", LiteralKind.STRING, "secret"),
                Arguments.of("h@\"C:\\x\"", LiteralKind.STRING, "C:\\x"),
                Arguments.of("```line1\nline \"2\"```", LiteralKind.STRING, "line1\nline \"2\""),
                Arguments.of("\"a\" \"b\" 'c'", LiteralKind.STRING, "abc"),
                Arguments.of("\"a\" // comment between\n \"b\"", LiteralKind.STRING, "ab"),
                Arguments.of("42", LiteralKind.LONG, 42L),
                Arguments.of("0x1F", LiteralKind.LONG, 31L),
                Arguments.of("long(7)", LiteralKind.LONG, 7L),
                Arguments.of("int(-3)", LiteralKind.INT, -3),
                Arguments.of("1.5", LiteralKind.REAL, 1.5),
                Arguments.of("1e3", LiteralKind.REAL, 1000.0),
                Arguments.of("2.5E-1", LiteralKind.REAL, 0.25),
                Arguments.of("real(2)", LiteralKind.REAL, 2.0),
                Arguments.of("real(-inf)", LiteralKind.REAL, Double.NEGATIVE_INFINITY),
                Arguments.of("decimal(1.10)", LiteralKind.DECIMAL, new BigDecimal("1.10")),
                Arguments.of("true", LiteralKind.BOOL, true),
                Arguments.of("false", LiteralKind.BOOL, false),
                Arguments.of("bool(true)", LiteralKind.BOOL, true),
                Arguments.of("datetime(2024-01-01)", LiteralKind.DATETIME, "2024-01-01"),
                Arguments.of("datetime(2024-01-01 10:00:00.123)", LiteralKind.DATETIME, "2024-01-01 10:00:00.123"),
                Arguments.of("datetime( 2024-01-01T10:00:00Z )", LiteralKind.DATETIME, "2024-01-01T10:00:00Z"),
                Arguments.of("1d", LiteralKind.TIMESPAN, "1d"),
                Arguments.of("2h", LiteralKind.TIMESPAN, "2h"),
                Arguments.of("30m", LiteralKind.TIMESPAN, "30m"),
                Arguments.of("10s", LiteralKind.TIMESPAN, "10s"),
                Arguments.of("100ms", LiteralKind.TIMESPAN, "100ms"),
                Arguments.of("1tick", LiteralKind.TIMESPAN, "1tick"),
                Arguments.of("5microsecond", LiteralKind.TIMESPAN, "5microsecond"),
                Arguments.of("1.5h", LiteralKind.TIMESPAN, "1.5h"),
                Arguments.of("10min", LiteralKind.TIMESPAN, "10min"),
                Arguments.of("timespan(1.02:03:04)", LiteralKind.TIMESPAN, "1.02:03:04"),
                Arguments.of("time(2d)", LiteralKind.TIMESPAN, "2d"),
                Arguments.of("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)", LiteralKind.GUID,
                        "74be27de-1e4e-49d9-b579-fe0b331d3642"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literals")
    void decodesLiteral(String text, LiteralKind kind, Object value) {
        Expr e = scalar(text);
        assertThat(e).isInstanceOf(Expr.Literal.class);
        Expr.Literal literal = (Expr.Literal) e;
        assertThat(literal.kind()).isEqualTo(kind);
        assertThat(literal.value()).isEqualTo(value);
        assertThat(literal.span().length()).isEqualTo(text.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedNulls")
    void typedNulls(String text, String type) {
        assertThat(scalar(text)).isInstanceOfSatisfying(Expr.TypedNull.class, n -> assertThat(n.type()).isEqualTo(type));
    }

    static Stream<Arguments> typedNulls() {
        return Stream.of(Arguments.of("int(null)", "int"), Arguments.of("long(null)", "long"),
                Arguments.of("real(null)", "real"), Arguments.of("bool(null)", "bool"),
                Arguments.of("datetime(null)", "datetime"), Arguments.of("timespan(null)", "timespan"),
                Arguments.of("guid(null)", "guid"), Arguments.of("decimal(null)", "decimal"),
                Arguments.of("time(null)", "timespan"), Arguments.of("double(null)", "real"),
                Arguments.of("boolean(null)", "bool"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dynamics")
    void dynamicLiterals(String text, String json) {
        assertThat(scalar(text)).isInstanceOfSatisfying(Expr.DynamicLiteral.class,
                d -> assertThat(d.jsonText()).isEqualTo(json));
    }

    static Stream<Arguments> dynamics() {
        return Stream.of(Arguments.of("dynamic([1, \"a\", 2.5])", "[1, \"a\", 2.5]"),
                Arguments.of("dynamic({\"k\": [true, null], \"d\": datetime(2020-01-01)})",
                        "{\"k\": [true, null], \"d\": datetime(2020-01-01)}"),
                Arguments.of("dynamic(null)", "null"),
                Arguments.of("dynamic([])", "[]"),
                Arguments.of("dynamic([-1, 'x'])", "[-1, 'x']"));
    }

    @org.junit.jupiter.api.Test
    void realNan() {
        Expr.Literal l = (Expr.Literal) scalar("real(nan)");
        assertThat((Double) l.value()).isNaN();
    }
}
