package io.egress.kql.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.Parsing;
import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs and the exact code and line:col of the first diagnostic. Where Kusto.Language reports the
 * same place, the comment says so (its code in brackets).
 */
class ParseErrorTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // unterminated strings point at the opening quote (Kusto points at the end of the line)
                Arguments.of("print \"abc", "KQL102", "1:7"),
                Arguments.of("print 'a", "KQL102", "1:7"),
                Arguments.of("print x = 1,\n  y = \"open", "KQL102", "2:7"),
                // missing operand: just after the last token, as Kusto [KS006]
                Arguments.of("T | where x ==", "KQL106", "1:15"),
                Arguments.of("print 1 +", "KQL106", "1:10"),
                Arguments.of("T | summarize count() by", "KQL106", "1:25"),
                Arguments.of("T | sort by", "KQL106", "1:12"),
                Arguments.of("T\n| where x ==\n| take 1", "KQL106", "2:13"),
                // bad operator
                Arguments.of("T | where x === 1", "KQL101", "1:15"),
                Arguments.of("T | foo", "KQL108", "1:5"),
                Arguments.of("T |", "KQL107", "1:4"),
                Arguments.of("T | where a == 1 | | take 1", "KQL107", "1:20"),
                // stray or missing brackets, as Kusto [KS198 / KS005]
                Arguments.of("T | take 1)", "KQL111", "1:11"),
                Arguments.of("T | where x in (\"a\", \"b\"", "KQL103", "1:25"),
                Arguments.of("print x = (1 + 2", "KQL103", "1:17"),
                Arguments.of("print datetime(2020-01-01", "KQL109", "1:7"),
                // statements without ';', as Kusto [KS005 Expected: ;]
                Arguments.of("T\nT", "KQL111", "1:2"),
                Arguments.of("let x = 1\nT", "KQL111", "1:10"),
                Arguments.of("T | project a b", "KQL111", "1:15"),
                Arguments.of("print 1;;print 2", "KQL101", "1:9"),
                // lexical
                Arguments.of("#comment\nT", "KQL104", "1:1"),
                // operators spelled as in other languages: reported, then parsed as meant
                Arguments.of("T | where a == 1 AND b == 2", "KQL113", "1:18"),
                Arguments.of("T | where a == 1 && b == 2", "KQL113", "1:18"),
                Arguments.of("T\n| where a == 1 || b == 2", "KQL113", "2:16"),
                Arguments.of("T | summarise count()", "KQL108", "1:5"),
                Arguments.of("T | where x == \"a\\d\"", "KQL105", "1:18"),
                Arguments.of("T | where x has_any ([\"a\", \"b\"])", "KQL110", "1:22"),
                Arguments.of("T | join kind=inner (U) x", "KQL103", "1:25"),
                Arguments.of("let f = (a:string { a }; f('x')", "KQL103", "1:19"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void firstError(String text, String code, String lineCol) {
        ParseResult r = KqlParser.parse(text);
        assertThat(r.errors()).as(Parsing.describe(r)).isNotEmpty();
        Diagnostic first = r.errors().get(0);
        assertThat(first.code() + " " + Parsing.where(r, first)).isEqualTo(code + " " + lineCol);
    }

    @Test
    void reportsEveryErrorAndStillReturnsATree() {
        String text = "T\n| where a == \n| extend b = 1 + \n| summarize count() by\n| take 10";
        ParseResult r = KqlParser.parse(text);
        assertThat(r.errors()).extracting(d -> Parsing.where(r, d))
                .containsExactly("2:13", "3:17", "4:23");
        assertThat(r.script().queries()).hasSize(1);
        assertThat(io.egress.kql.syntax.print.SyntaxPrinter.print(r.script())).contains("take 10");
    }

    @Test
    void misspelledOperatorsHaveHintsAndFixes() {
        String text = "T | where a == 1 AND b == 2 || c == 3 | summarise count()";
        ParseResult r = KqlParser.parse(text);
        assertThat(r.errors()).extracting(Diagnostic::hint).containsExactly(
                "write 'and' (KQL operators are lower case words)",
                "write 'or' (KQL operators are lower case words)",
                "did you mean 'summarize'?");
        assertThat(Diagnostic.applyFixes(text, r.diagnostics()))
                .isEqualTo("T | where a == 1 and b == 2 or c == 3 | summarise count()");
        var where = (io.egress.kql.syntax.tree.TabularOperator.Where) ((io.egress.kql.syntax.tree.Expr.Pipe)
                ((io.egress.kql.syntax.tree.Expr.Pipe) r.script().queries().get(0).expr()).source()).op();
        assertThat(io.egress.kql.syntax.print.SyntaxPrinter.print(where)).isEqualTo("where a == 1 and b == 2 or c == 3");
    }

    @Test
    void crlfLineEndsGiveTheSameTreeAndLineNumbers() {
        String lf = "let x = 1; // note\nT\n| where a == 'b'\n| where c ==\n| take x";
        ParseResult unix = KqlParser.parse(lf);
        ParseResult windows = KqlParser.parse(lf.replace("\n", "\r\n"));
        assertThat(io.egress.kql.syntax.tree.SyntaxTrees.equalIgnoringSpans(unix.script(), windows.script())).isTrue();
        assertThat(windows.errors()).extracting(d -> Parsing.where(windows, d)).containsExactly("4:13");
        assertThat(unix.errors()).extracting(d -> Parsing.where(unix, d)).containsExactly("4:13");
    }

    @Test
    void equalsInWhereIsAWarningNotAnError() {
        ParseResult r = KqlParser.parse("T | where IsBillable = true");
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo("KQL120");
            assertThat(d.hint()).isEqualTo("write '==' to compare IsBillable");
        });
    }

    @Test
    void errorNodesAreReturnedForMissingOperands() {
        ParseResult r = KqlParser.parse("print x = 1 +");
        assertThat(io.egress.kql.syntax.print.SyntaxPrinter.print(r.script())).isEqualTo("print x = 1 + <error>");
    }
}
