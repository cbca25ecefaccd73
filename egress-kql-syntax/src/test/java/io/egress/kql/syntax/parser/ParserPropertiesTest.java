package io.egress.kql.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.print.SyntaxPrinter;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser never throws, never hangs (every error path consumes a token), and its spans stay inside
 * the text, for random text and for random edits of valid queries.
 */
class ParserPropertiesTest {
    private static final List<String> VALID = List.of(
            "DeviceProcessEvents\n| where Timestamp > ago(1d) and FileName in~ (\"a.exe\", 'b')\n| project a, b",
            "let f = (T:(*), n:int = 5) { T | take n };\nf(X) | summarize count() by bin(Timestamp, 1h)",
            "T | join kind=leftouter (U | where x has_any (dynamic([\"a\"]))) on $left.a == $right.b",
            "T | extend ['a b'] = @\"c:\\x\", d = datetime(2020-01-01) | mv-expand e to typeof(string)",
            "T | parse Cmd with * \"-u \" User:string \" \" * | render timechart with (title=\"x\")",
            "union withsource=S Device* | where * has \"x\" | top 10 by Timestamp desc nulls last",
            "externaldata(a:string) [h@'https://x/y.csv'] with (format='csv') | evaluate bag_unpack(a)");
    private static final List<String> PIECES = List.of("|", "(", ")", "[", "]", "{", "}", "\"", "'", "@\"", "```",
            ",", ";", "=", "==", "!", "!in~", "..", "let ", "where ", "dynamic(", "datetime(", "\n", "// c\n", "$left.",
            "*", "-", "project-away ", "mv-apply x on (", "between (", "h'", "\\", "\u00A0", "\u2028", "é", "1.5h", "0x");

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(VALID);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 12);
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(base, at, length, piece, kind).as((text, a, n, p, k) -> {
            int i = a % (text.length() + 1);
            int j = Math.min(text.length(), i + n);
            return switch (k) {
                case 0 -> text.substring(0, i) + text.substring(j); // delete
                case 1 -> text.substring(0, i) + p + text.substring(i); // insert
                default -> text.substring(0, i) + p + text.substring(j); // replace
            };
        });
    }

    @Provide
    Arbitrary<String> randomText() {
        Arbitrary<String> tokens = Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> chars = Arbitraries.strings().withCharRange((char) 0, (char) 0x3000).ofMaxLength(200);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(200);
        return Arbitraries.oneOf(tokens, chars, ascii);
    }

    @Property(tries = 400)
    void mutationsOfValidQueriesNeverThrow(@ForAll("mutated") String text) {
        check(text);
    }

    @Property(tries = 400)
    void randomTextNeverThrows(@ForAll("randomText") String text) {
        check(text);
    }

    @Property(tries = 100)
    void repeatedMutationsNeverThrow(@ForAll("mutated") String a, @ForAll("mutated") String b) {
        check(a + b);
        check(a.substring(0, a.length() / 2) + b.substring(b.length() / 2));
    }

    private static void check(String text) {
        // a hang guard, not a performance measurement: a looping parser would never return
        ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> KqlParser.parse(text));
        assertThat(r.script()).isNotNull();
        for (Diagnostic d : r.diagnostics()) {
            assertThat(d.span().end()).as("diagnostic span inside the text").isLessThanOrEqualTo(text.length());
        }
        assertThat(r.script().span().end()).isEqualTo(text.length());
        String printed = SyntaxPrinter.print(r.script());
        if (!r.hasErrors()) {
            assertThat(KqlParser.parse(printed).hasErrors()).as("printed: %s", printed).isFalse();
        }
    }
}
