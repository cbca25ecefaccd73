package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.data.Table;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A query-level let read more than once is computed once per execution, with the rows Kusto gives when
 * it evaluates the let at each reference; a let holding rand() or new_guid(), or reading one, is
 * evaluated at each reference as Kusto does.
 */
class SharedLetTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Schema T = Schema.parse("a:string, b:long");
    private static final Catalog CATALOG = Catalog.of(Map.of("T", T));

    /** A table that counts how often a query starts reading it. */
    private static final class CountingTable implements Table {
        int reads;
        private final List<Object[]> rows = new ArrayList<>();

        CountingTable(int n) {
            for (int i = 0; i < n; i++) {
                rows.add(new Object[] {"k" + (i % 7) + (i % 5 == 0 ? " x" : ""), (long) i});
            }
        }

        @Override
        public Schema schema() {
            return T;
        }

        @Override
        public List<Object[]> rows() {
            reads++;
            return new Counted();
        }

        private final class Counted extends AbstractList<Object[]> implements RandomAccess {
            @Override
            public Object[] get(int index) {
                return rows.get(index);
            }

            @Override
            public int size() {
                return rows.size();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            let V = T | where b > 5 | extend n = strlen(a); union (V | where b < 9), (V | where a has 'x')     => 1
            let V = T | where b > 5; let W = V | extend c = b * 2; union W, (W | where c > 20), (V | take 1)   => 1
            let V = T | where b > 5; V | join kind=inner (V | project a, c = b) on a | count                   => 1
            let V = T | where b > 5; V                                                                          => 1
            let V = T; union V, V                                                                              => 2
            union (T | where b > 5), (T | where b < 3)                                                          => 2
            """)
    void aLetReadTwiceIsComputedOnceWithTheSameRows(String query, int expectedReads) {
        Compilation c = ENGINE.compile(query, CATALOG);
        assertThat(c.diagnostics()).noneMatch(io.egress.kql.syntax.diag.Diagnostic::isError);
        CountingTable table = new CountingTable(40);
        Table shared = c.execute(Map.of("T", table), NOW);
        assertThat(table.reads).as("scans of T").isEqualTo(expectedReads);
        // the same query with every let inlined: what Kusto evaluates
        Compilation inlined = ENGINE.compile(inline(query), CATALOG);
        Table reference = inlined.execute(Map.of("T", Table.of(T, new CountingTable(40).rows)), NOW);
        assertThat(rows(shared)).isEqualTo(rows(reference));
    }

    @Test
    void explainSaysWhichLetsAreShared() {
        Compilation c = ENGINE.compile("let V = T | where b > 5; union (V | where b < 9), (V | where a has 'x')", CATALOG);
        assertThat(c.explain()).contains("shared by 2 readers");
    }

    @Test
    void aLetWithRandIsEvaluatedAtEachReference() {
        CountingTable table = new CountingTable(30);
        for (String query : List.of(
                "let V = T | extend r = rand(); union V, V | summarize dcount(r)",
                "let V = T | extend r = rand(); let W = V | where b >= 0; union W, W | summarize dcount(r)",
                "let V = T | extend g = new_guid(); union V, V | summarize dcount(g)")) {
            Compilation c = ENGINE.compile(query, CATALOG);
            Table result = c.execute(Map.of("T", table), NOW);
            assertThat(((Number) result.rows().get(0)[0]).longValue()).as(query).isGreaterThan(50);
        }
    }

    /** Replaces {@code let X = ...;} definitions by their parenthesized text at each use (simple queries only). */
    private static String inline(String query) {
        String q = query;
        while (q.startsWith("let ")) {
            int eq = q.indexOf('=');
            int semi = q.indexOf(';');
            String name = q.substring(4, eq).strip();
            String body = "(" + q.substring(eq + 1, semi).strip() + ")";
            q = q.substring(semi + 1).strip().replaceAll("\\b" + name + "\\b", java.util.regex.Matcher.quoteReplacement(body));
        }
        return q;
    }

    private static List<List<Object>> rows(Table t) {
        return t.rows().stream().map(r -> java.util.Arrays.asList(r)).sorted(java.util.Comparator.comparing(Object::toString)).map(l -> (List<Object>) l).toList();
    }
}
