package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.kql.syntax.diag.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * User mistakes found while binding are diagnostics (code, span on the offending text, message), never
 * exceptions; the query does not run. Each row: the query, the expected first error code, and the text
 * the error's span must start with.
 */
class UserMistakeDiagnosticsTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final Catalog CATALOG = Catalog.of(Map.of("T", Schema.parse("a:string, n:long, t:datetime, d:dynamic")));

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("T | where a matches regex \"(ab\"", "KQL204", "a matches regex"),
                Arguments.of("T | where a matches regex \"[z-a]\"", "KQL204", "a matches regex"),
                Arguments.of("T | extend x = extract(\"(ab\", 1, a)", "KQL204", "extract("),
                Arguments.of("T | extend x = extract_all(\"(\", a)", "KQL204", "extract_all("),
                Arguments.of("T | extend x = replace_regex(a, \"(\", \"b\")", "KQL204", "replace_regex("),
                Arguments.of("T | parse kind=regex a with \"(\" b:long", "KQL205", "parse"),
                Arguments.of("T | extend x = extract(\"(x)\", 1, a, typeof(foo))", "KQL209", "typeof(foo)"),
                Arguments.of("T | extend x = tohexx(n)", "KQL203", "tohexx"),
                Arguments.of("T | extend x = strlen()", "KQL204", "strlen()"),
                Arguments.of("T | extend x = substring(a)", "KQL204", "substring(a)"),
                Arguments.of("T | extend x = strlen(a, a)", "KQL204", "strlen(a, a)"),
                Arguments.of("T | extend x = iff(true, 1, \"a\")", "KQL204", "iff("),
                Arguments.of("T | extend x = count()", "KQL208", "count()"),
                Arguments.of("T | where n", "KQL204", "n"),
                Arguments.of("T | where t > 1", "KQL204", "t > 1"),
                Arguments.of("T | extend x = a + 1", "KQL204", "a + 1"),
                Arguments.of("T | extend x = n.key", "KQL204", "key"),
                Arguments.of("T | project nope", "KQL202", "nope"),
                Arguments.of("Nope | take 1", "KQL201", "Nope"),
                Arguments.of("T | summarize percentile(n, 150)", "KQL204", "percentile(n, 150)"),
                Arguments.of("T | summarize percentiles(n, \"x\")", "KQL204", "percentiles("),
                Arguments.of("T | summarize (p1, p2, p3) = percentiles(n, 50, 90)", "KQL205", "(p1, p2, p3)"),
                Arguments.of("T | summarize x = tostring(percentiles(n, 50, 90))", "KQL301", "percentiles("),
                Arguments.of("T | make-series count() on a step 1h", "KQL204", "a"),
                Arguments.of("T | make-series count() on t step 2", "KQL204", "2"),
                Arguments.of("T | take a", "KQL202", "a"),
                Arguments.of("T | evaluate autocluster()", "KQL301", "evaluate autocluster()"),
                Arguments.of("T | evaluate bag_unpack(n)", "KQL204", "n)"),
                Arguments.of("T | extend x = dynamic({\"a\":})", "KQL105", "}"),
                Arguments.of("T | extend x = datetime(2024-13-45)", "KQL209", "datetime("),
                Arguments.of("let f = (x:long) { x + 1 }; T | extend y = f(1, 2)", "KQL205", "f(1, 2)"),
                Arguments.of("let f = (x:long) { x + 1 }; T | extend y = f()", "KQL205", "f()"),
                Arguments.of("T | join (T) on $left.a == $right.nope", "KQL202", "$left.a == $right.nope"),
                Arguments.of("T | project-rename a = nope", "KQL202", "nope"),
                Arguments.of("T | project a, a", "KQL206", "a"),
                Arguments.of("T | mv-expand x = n to typeof(foo)", "KQL209", "x = n to typeof(foo)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakeIsADiagnostic(String query, String code, String spanStart) {
        Compilation c = ENGINE.compile(query, CATALOG);
        List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).as(query).isNotEmpty();
        Diagnostic first = errors.get(0);
        assertThat(first.code()).as(first.message()).isEqualTo(code);
        assertThat(first.message()).isNotBlank();
        assertThat(first.span().end()).isLessThanOrEqualTo(query.length());
        assertThat(query.substring(first.span().start())).as(first.message()).startsWith(spanStart);
        assertThatThrownBy(() -> c.execute(Map.of(), Instant.EPOCH)).isInstanceOf(QueryRuntimeException.class)
                .hasMessageStartingWith(code);
    }

    @Test
    void unexpectedRuntimeFailuresBecomeQueryRuntimeExceptions() {
        // a table that fails while it is read (a caller's problem, not the query's) fails cleanly
        Compilation c = ENGINE.compile("T | where d has \"x\"", CATALOG);
        Schema schema = Schema.parse("a:string, n:long, t:datetime, d:dynamic");
        Table bad = new Table() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public List<Object[]> rows() {
                throw new IllegalStateException("storage went away");
            }
        };
        assertThatThrownBy(() -> c.execute(Map.of("T", bad), Instant.EPOCH))
                .isInstanceOf(QueryRuntimeException.class).hasMessageStartingWith("KQL310")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
