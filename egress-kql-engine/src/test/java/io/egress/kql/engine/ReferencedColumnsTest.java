package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.egress.data.Column;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.ValueFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Projection pushdown: {@link Compilation#referencedColumns()} for each operator, and the check that
 * matters, that running over tables cut down to those columns gives the same result as over whole ones.
 */
class ReferencedColumnsTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Schema T = Schema.parse("a:string, b:long, c:datetime, d:dynamic, e:string");
    private static final Schema U = Schema.parse("a:string, x:long, y:string");
    private static final Catalog CATALOG = Catalog.of(Map.of("T", T, "U", U));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            T                                                                    => T: a,b,c,d,e
            T | where b > 1 | project a                                          => T: a,b
            T | count                                                            => T:
            T | where a has 'x' | count                                          => T: a
            T | extend z = b * 2 | project a, z                                  => T: a,b
            T | extend z = b * 2 | project a                                     => T: a
            T | project-away d                                                   => T: a,b,c,e
            T | project-rename q = a | project q                                 => T: a
            T | project-keep a, e | take 3                                       => T: a,e
            T | summarize count() by a                                           => T: a
            T | summarize m = max(b), n = min(c) by a | project a, m             => T: a,b
            T | summarize arg_max(c, *) by a                                     => T: a,b,c,d,e
            T | sort by c desc | take 5 | project a                              => T: a,c
            T | top 3 by b | project e                                           => T: b,e
            T | where c > ago(1d) | summarize count()                            => T: c
            T | distinct a                                                       => T: a
            T | mv-expand d | project a, d                                       => T: a,d
            T | parse e with 'x' q:long | project q                              => T: e
            T | extend p = pack_all() | project p                                => T: a,b,c,d,e
            T | getschema                                                        => T: a,b,c,d,e
            T | search 'x' | count                                               => T: a,e
            search 'x'                                                           => T: a,b,c,d,e ; U: a,x,y
            T | join kind=inner (U | project a, x) on a | project e, x           => T: a,e ; U: a,x
            T | join kind=leftsemi (U) on $left.e == $right.y | project b        => T: b,e ; U: y
            T | lookup (U) on a | project x                                      => T: a ; U: a,x
            union T, U | project a                                               => T: a ; U: a
            union T, U | where x > 1 | project b                                 => T: b ; U: x
            union withsource=Src T, U | summarize count() by Src                 => T: ; U:
            let V = T | where b > 0; V | project a                               => T: a,b
            let V = T | where b > 0; union (V | project a), (V | project e)      => T: a,b,e
            T | where e in ((U | project y)) | project b                         => T: b,e ; U: y
            T | extend z = toscalar(U | summarize max(x)) | where b < z | project a => T: a,b ; U: x
            T | take 1; U | project y                                            => T: a,b,c,d,e ; U: y
            print 1                                                              => ``
            """)
    void columnsEachTableCanRead(String query, String expected) {
        Compilation c = compile(query);
        assertThat(format(c.referencedColumns())).isEqualTo(expected);
        assertThat(c.referencedColumns().keySet()).isEqualTo(c.referencedTables());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            T | where b > 1 | project a
            T | count
            T | summarize m = max(b), n = min(c) by a | project a, m
            T | extend z = b * 2 | project a
            T | project-away d
            T | sort by c desc | take 5 | project a
            T | top 3 by b | project e
            T | search 'x' | count
            T | join kind=inner (U | project a, x) on a | project e, x
            T | join kind=leftsemi (U) on $left.e == $right.y | project b
            T | lookup (U) on a | project x
            union T, U | where x > 1 | project b
            union withsource=Src T, U | summarize count() by Src
            T | where e in ((U | project y)) | project b
            T | extend z = toscalar(U | summarize max(x)) | where b < z | project a
            T | mv-expand d | project a, d
            T | parse e with 'x' q:long | project q
            """)
    void prunedTablesGiveTheSameResult(String query) {
        Compilation c = compile(query);
        Map<String, Table> whole = Map.of("T", tableT(), "U", tableU());
        Map<String, Table> pruned = new LinkedHashMap<>();
        whole.forEach((name, table) -> pruned.put(name,
                prune(prefiltered(c, name, table), c.referencedColumns().getOrDefault(name, Set.of()))));
        assertThat(rows(c.execute(pruned, NOW))).isEqualTo(rows(c.execute(whole, NOW))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            T | where b > 1 | project a                                          => T: 1 scan(s), kept 10 of 12
            T | where b > 1 | where a has 'x' | count                            => T: 1 scan(s), kept 2 of 12
            T | where b > 1 | summarize count() by a | where a != 'k1'           => T: 1 scan(s), kept 10 of 12
            T | project a, b | where b > 1                                       => T: none
            T | count                                                            => T: none
            union (T | where b < 2), (T | where b > 10)                          => T: 2 scan(s), kept 3 of 12
            union (T | where b < 2), T                                           => T: none
            let V = T | where b > 5; union (V | where b < 7), (V | where a has 'x') => T: 2 scan(s), kept 2 of 12
            let M = materialize(T | where b > 5); union (M | where b < 7), (M | where a has 'x') => T: 2 scan(s), kept 2 of 12
            let V = T | where b > 5; union (V | where b < 7), (V | summarize count())  => T: 1 scan(s), kept 6 of 12
            T | where b in ((U | project x))                                     => T: none ; U: none
            T | where c > ago(1d)                                                => T: 1 scan(s), kept 5 of 12
            T | where b > 3 | join kind=inner (U | where x > 9) on a             => T: 1 scan(s), kept 8 of 12 ; U: 1 scan(s), kept 2 of 6
            """)
    void prefilterFromTheWhereClausesOnEachScan(String query, String expected) {
        Compilation c = compile(query);
        Map<String, Table> whole = Map.of("T", tableT(), "U", tableU());
        String actual = c.referencedTables().stream().sorted().map(name -> name + ": " + c.prefilter(name)
                .map(p -> p.chains().size() + " scan(s), kept " + prefiltered(c, name, whole.get(name)).rowCount()
                        + " of " + whole.get(name).rowCount())
                .orElse("none")).collect(Collectors.joining(" ; "));
        assertThat(actual).isEqualTo(expected);
        Map<String, Table> kept = new LinkedHashMap<>();
        whole.forEach((name, table) -> kept.put(name, prefiltered(c, name, table)));
        assertThat(rows(c.execute(kept, NOW))).isEqualTo(rows(c.execute(whole, NOW)));
    }

    private static Table prefiltered(Compilation c, String name, Table table) {
        return c.prefilter(name).map(p -> {
            var test = p.newTest(NOW);
            return Table.of(table.schema(), table.rows().stream().filter(test).toList());
        }).orElse(table);
    }

    private static Compilation compile(String query) {
        Compilation c = ENGINE.compile(query, CATALOG);
        assertThat(c.diagnostics()).as(query).noneMatch(io.egress.kql.syntax.diag.Diagnostic::isError);
        return c;
    }

    private static String format(Map<String, Set<String>> columns) {
        return columns.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + (e.getValue().isEmpty() ? "" : " " + String.join(",", e.getValue())))
                .collect(Collectors.joining(" ; "));
    }

    private static Table tableT() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var d = JsonNodeFactory.instance.arrayNode().add(i).add("v" + (i % 3));
            rows.add(new Object[] {"k" + (i % 4) + (i % 5 == 0 ? " x" : ""), (long) i,
                    NOW.minus(Duration.ofHours(5L * i)), d, (i % 2 == 0 ? "x" : "y") + i});
        }
        return Table.of(T, rows);
    }

    private static Table tableU() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new Object[] {"k" + i, (long) i * 3, (i % 2 == 0 ? "x" : "y") + (i * 2)});
        }
        return Table.of(U, rows);
    }

    private static Table prune(Table table, Set<String> keep) {
        List<Column> columns = table.schema().columns().stream().filter(col -> keep.contains(col.name())).toList();
        int[] from = columns.stream().mapToInt(col -> table.schema().indexOf(col.name())).toArray();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            Object[] out = new Object[from.length];
            for (int i = 0; i < from.length; i++) {
                out[i] = row[from[i]];
            }
            rows.add(out);
        }
        return Table.of(new Schema(columns), rows);
    }

    private static List<String> rows(Table table) {
        return table.rows().stream().map(r -> java.util.Arrays.stream(r).map(ValueFormat::toKqlString)
                .collect(Collectors.joining("|"))).toList();
    }
}
