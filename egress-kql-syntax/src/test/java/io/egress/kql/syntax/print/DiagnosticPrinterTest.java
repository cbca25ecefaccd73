package io.egress.kql.syntax.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.parser.KqlParser;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.text.Span;
import org.junit.jupiter.api.Test;

/** The exact text layout of printed diagnostics. */
class DiagnosticPrinterTest {

    @Test
    void errorWithoutHint() {
        var r = KqlParser.parse("T\n| where x ==\n| take 1");
        assertThat(DiagnosticPrinter.format("a.kql", r.source(), r.errors().get(0))).isEqualTo(
                "a.kql:2:13: error KQL106: expected an expression but found '|'\n"
                        + "  | where x ==\n"
                        + "              ^\n");
    }

    @Test
    void tabsCountAsOneColumn() {
        SourceText source = new SourceText("print 1\n\tT | foo");
        Diagnostic d = DiagnosticCodes.unknownQueryOperator(new Span(13, 3), "foo");
        assertThat(DiagnosticPrinter.format("t.kql", source, d)).isEqualTo(
                "t.kql:2:6: error KQL108: unknown query operator 'foo'\n"
                        + "  \tT | foo\n"
                        + "       ^^^\n");
    }

    @Test
    void spanOverSeveralLinesIsCutAtTheLineEnd() {
        SourceText source = new SourceText("print [1,\n2]");
        Diagnostic d = DiagnosticCodes.bareList(new Span(6, 6), "[1,\n2]");
        assertThat(DiagnosticPrinter.format("m.kql", source, d)).isEqualTo(
                "m.kql:1:7: error KQL110: a list in brackets is not a KQL expression here\n"
                        + "  print [1,\n"
                        + "        ^^^\n"
                        + "  hint: write dynamic([1,\n2])\n");
    }

    @Test
    void errorAtEndOfTextGetsOneCaret() {
        var r = KqlParser.parse("print 'abc");
        assertThat(DiagnosticPrinter.format("e.kql", r.source(), r.errors().get(0))).startsWith(
                "e.kql:1:7: error KQL102: unterminated string literal\n  print 'abc\n        ^^^^\n  hint: ");
    }

    @Test
    void sourceTextLinesAndColumns() {
        SourceText s = new SourceText("a\r\nbc\rd\n");
        assertThat(s.line(0)).isEqualTo(1);
        assertThat(s.line(3)).isEqualTo(2);
        assertThat(s.column(4)).isEqualTo(2);
        assertThat(s.line(6)).isEqualTo(3);
        assertThat(s.lineText(2)).isEqualTo("bc");
        assertThat(s.lineCount()).isEqualTo(4);
    }

    @Test
    void veryLongLinesShowAWindowAroundTheCaret() {
        String line = "print x = " + "a + ".repeat(100) + "?" + " + b".repeat(100);
        var r = KqlParser.parse(line);
        String printed = DiagnosticPrinter.format("l.kql", r.source(), r.errors().get(0));
        String[] lines = printed.split("\n");
        assertThat(lines[0]).startsWith("l.kql:1:411: error");
        assertThat(lines[1]).startsWith("  ...").endsWith("...").hasSizeLessThan(180);
        int caret = lines[2].indexOf('^');
        assertThat(lines[1].charAt(caret)).isEqualTo('?');
    }

    @Test
    void diagnosticWithoutAPlaceHasNoCaret() {
        SourceText source = new SourceText("print 1");
        Diagnostic d = DiagnosticCodes.error("KQL310", Span.NONE, "the query failed while running", null);
        assertThat(DiagnosticPrinter.format("q.kql", source, d))
                .isEqualTo("q.kql: error KQL310: the query failed while running\n");
    }
}
