package io.egress.kql.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.kql.syntax.Parsing;
import io.egress.kql.syntax.SharedCorpus;
import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.print.DiagnosticPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed case: {@code has_any (["a", "b"])} is not KQL (Kusto wants {@code dynamic([...])}). Every such
 * list is reported at its '[' with a hint and a quick fix, and parsing recovers so all are reported.
 */
class BareListTest {

    @Test
    void ownQueryReportsEachBareListWithAFix() throws IOException {
        String text;
        try (InputStream in = BareListTest.class.getResourceAsStream("/queries/bare_lists.kql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseResult r = KqlParser.parse(text);
        assertThat(r.errors()).extracting(Diagnostic::code).containsOnly(DiagnosticCodes.BARE_LIST);
        assertThat(r.errors()).extracting(d -> Parsing.where(r, d)).containsExactly("4:23", "7:37", "8:41");
        assertThat(r.errors()).extracting(Diagnostic::hint).containsExactly(
                "write dynamic([\"tftp.exe\", \"psftp.exe\"])",
                "write dynamic([\"put \", \"mput \"])",
                "write dynamic(['-i key', \"-pw\"])");

        String fixed = Diagnostic.applyFixes(text, r.diagnostics());
        assertThat(fixed).contains("in~ (dynamic([\"tftp.exe\", \"psftp.exe\"]))")
                .contains("has_any (dynamic(['-i key', \"-pw\"]))");
        Parsing.ok(fixed);
    }

    @Test
    void diagnosticPrintsWithCaretUnderTheList() {
        String text = "T\n| where x has_any ([\"a\", \"b\"])";
        ParseResult r = KqlParser.parse(text);
        assertThat(DiagnosticPrinter.format("q.kql", r.source(), r.errors().get(0))).isEqualTo(
                "q.kql:2:20: error KQL110: a list in brackets is not a KQL expression here\n"
                        + "  | where x has_any ([\"a\", \"b\"])\n"
                        + "                     ^^^^^^^^^^\n"
                        + "  hint: write dynamic([\"a\", \"b\"])\n");
    }

    @Test
    void singleStringInBracketsIsAnEscapedName() {
        // ["x"] alone is KQL's escaped-name syntax, as in Kusto: no bare-list error.
        ParseResult r = KqlParser.parse("T | where a has_any ([\"x\"])");
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void seedQueryReportsAllSevenBareLists() throws IOException {
        Optional<Path> seed = SharedCorpus.resolve("seed/t1048_003.kql");
        assumeTrue(seed.isPresent(), "shared/seed is absent");
        String text = Files.readString(seed.get());
        ParseResult r = KqlParser.parse(text);

        assertThat(r.errors()).hasSize(7);
        assertThat(r.errors()).extracting(Diagnostic::code).containsOnly(DiagnosticCodes.BARE_LIST);
        Diagnostic first = r.errors().get(0);
        assertThat(r.source().line(first.span().start())).isEqualTo(10);
        assertThat(text.charAt(first.span().start())).isEqualTo('[');
        assertThat(first.message()).isEqualTo("a list in brackets is not a KQL expression here");
        assertThat(first.hint()).isEqualTo("write dynamic([\"ftp://\", \"--ftp-upload\", \"-T ftp\"])");
        assertThat(first.replacement()).isEqualTo("dynamic([\"ftp://\", \"--ftp-upload\", \"-T ftp\"])");
        for (Diagnostic d : r.errors()) {
            assertThat(text.charAt(d.span().start())).isEqualTo('[');
            assertThat(text.charAt(d.span().end() - 1)).isEqualTo(']');
        }
        // the tree is complete despite the errors: five lets and the final union query
        assertThat(r.script().statements()).hasSize(12);
        // applying the quick fixes gives a valid query
        Parsing.ok(Diagnostic.applyFixes(text, r.diagnostics()));
    }
}
