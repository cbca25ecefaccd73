package io.egress.kql.engine.functions.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of term matching, including what the detect helper shows in explanations. */
class TermMatcherTest {
    @Test
    void findAllReportsEveryBoundaryRespectingOccurrence() {
        TermMatcher m = TermMatcher.compile(List.of("curl", "-T ", "ftp://"), false);
        assertThat(m.findAll("CURL -T x ftp://a sftp://b curl.exe"))
                .containsExactly(new TermMatch("curl", 0, 4), new TermMatch("-T ", 5, 8),
                        new TermMatch("ftp://", 10, 16), new TermMatch("curl", 27, 31));
    }

    @Test
    void nonAsciiLettersSeparateTerms() {
        // Our choice (ASCII term characters): é is a separator, so "caf" is a whole term in "café".
        assertThat(TermMatcher.compile(List.of("caf"), false).matchesAny("café")).isTrue();
        assertThat(TermMatcher.compile(List.of("CAFÉ"), false).matchesAny("un café")).isTrue();
    }

    @Test
    void hasAllNeedsEveryDistinctNeedle() {
        TermMatcher m = TermMatcher.compile(List.of("a", "A", "b"), false);
        assertThat(m.needles()).containsExactly("a", "b");
        assertThat(m.matchesAll("a-b")).isTrue();
        assertThat(m.matchesAll("a-bc")).isFalse();
        assertThat(m.countMatching("a-bc")).isEqualTo(1);
    }

    @Test
    void docsTermExample() {
        // docs: terms of "Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun"
        String s = "Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun";
        for (String term : List.of("Kusto", "KustoExplorerQueryRun", "ad67d136", "c1db", "4f9f", "88ef", "d94f3b6b0b5a")) {
            assertThat(TermMatcher.compile(List.of(term), true).matchesAny(s)).as(term).isTrue();
        }
        assertThat(TermMatcher.compile(List.of("Explorer"), false).matchesAny(s)).isFalse();
    }
}
