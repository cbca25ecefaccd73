package io.egress.kql.engine.functions.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The class-sequence matcher finds a match exactly where RE2 does, on every pattern it accepts. */
class ClassSequenceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "[A-Za-z0-9+/]{20,}\\.[a-z]{2,} # nslookup aGVsbG8gd29ybGQgZnJvbSBo.evil.com   # true",
            "[A-Za-z0-9+/]{20,}\\.[a-z]{2,} # nslookup example.com                        # false",
            "[A-Za-z0-9+/]{20,}\\.[a-z]{2,} # aGVsbG8gd29ybGQgZnJvbSBo.e                  # false",
            "^[0-9a-fA-F]+$                 # 0123abcDEF                                  # true",
            "^[0-9a-fA-F]+$                 # 0123abcDEFg                                 # false",
            "\\w{4}-\\d+                    # id abcd-12                                  # true",
            "(?i)[a-f]{4}                   # xxDEADxx                                    # true",
            "x*                             # anything                                    # true",
            "^$                             # ''                                          # false"})
    void matchesAsRe2Does(String pattern, String text, boolean expected) {
        String p = pattern.strip();
        ClassSequence sequence = ClassSequence.of(p);
        if (p.equals("^$")) {
            assertThat(sequence).as("no item: left to RE2").isNull();
            return;
        }
        assertThat(sequence).as(p).isNotNull();
        assertThat(sequence.find(text.strip())).as(p + " on " + text).isEqualTo(expected)
                .isEqualTo(Pattern.compile(p).matcher(text.strip()).find());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[^\\s]+", "(a|b)c", "a.c", "\\bword", "[[:alpha:]]+", "\\p{L}+", "a{100}",
        "(?s)a", "a{,3}", "x{2", "[é]", "a**", "(?i)x(?-i)y", "\\x41"})
    void leavesEverythingElseToRe2(String pattern) {
        assertThat(ClassSequence.of(pattern)).as(pattern).isNull();
    }

    @Property(tries = 4000)
    void agreesWithRe2(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        ClassSequence sequence = ClassSequence.of(pattern);
        assertThat(sequence).as(pattern).isNotNull();
        if (!sequence.defersTo(text)) {
            assertThat(sequence.find(text)).as(pattern + " on '" + text + "'")
                    .isEqualTo(Pattern.compile(pattern).matcher(text).find());
        }
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> atom = Arbitraries.of("a", "b", "K", "k", "s", "\\.", "-", "_", "[a-c]", "[A-Za-z0-9+/]", "\\d",
                "\\w", "\\s", "[ab.]", "[]a]", "[\\-x]", "[a-]", "\\t", "[0-9a-fA-F]");
        Arbitrary<String> count = Arbitraries.of("", "", "?", "*", "+", "{2}", "{1,3}", "{2,}", "{0,2}", "+?", "{3,5}?", "{0}");
        Arbitrary<String> item = Combinators.combine(atom, count).as((a, c) -> a + c);
        Arbitrary<List<String>> items = item.list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(Arbitraries.of("", "(?i)"), Arbitraries.of("", "^"), items, Arbitraries.of("", "$"))
                .as((flags, start, list, end) -> flags + start + String.join("", list) + end);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcABC.+/-_ 0129\tKks\u212A\u017F\u00e9\n]x").ofMaxLength(24);
    }
}
