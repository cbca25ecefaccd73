package io.egress.kql.syntax.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.kql.syntax.Parsing;
import io.egress.kql.syntax.SharedCorpus;
import io.egress.kql.syntax.parser.KqlParser;
import io.egress.kql.syntax.parser.ParseResult;
import io.egress.kql.syntax.tree.SyntaxTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** parse → print → parse gives the same tree (ignoring spans), and printing is stable. */
class RoundTripTest {

    static void assertRoundTrip(String text) {
        ParseResult first = Parsing.ok(text);
        String printed = SyntaxPrinter.print(first.script());
        ParseResult second = KqlParser.parse(printed);
        assertThat(second.errors()).as("printed text does not parse:\n%s\n%s", printed, Parsing.describe(second))
                .isEmpty();
        assertThat(SyntaxTrees.equalIgnoringSpans(first.script(), second.script()))
                .as("trees differ after printing:\n%s", printed).isTrue();
        assertThat(SyntaxPrinter.print(second.script())).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "T | where a == 1 and (b > 2 or c !has \"x\") | project a, b = c * 2",
        "let threshold = 5;\nlet f = (T:(*), n:int = 3) { T | take n };\nf(DeviceEvents)",
        "let g = (T:(Name:string, Count:long), s:string) { T | where Name =~ s };\ng(X, 'a')",
        "let v = view () { print x = 1 };\nv",
        "DeviceProcessEvents\n| where FileName in~ ('a.exe', \"b.exe\") and ProcessCommandLine matches regex @\"\\d+\"",
        "T | summarize arg_max(Timestamp, *), c = count(), dcount(x) by DeviceId, bin(Timestamp, 1h)",
        "T | summarize hint.strategy=shuffle count() by x",
        "T | join kind=leftouter hint.strategy=broadcast (U | where y > 1) on $left.a == $right.b, c",
        "T | lookup kind=leftouter U on Key",
        "union withsource=TableName Device*, (T | take 1), database('x').U",
        "T | sort by a asc nulls last, b desc | top 10 by c nulls first",
        "T | project-away a*, b | project-keep c | project-rename d = e | project-reorder f* asc, g",
        "T | mv-expand bagexpansion=array with_itemindex=i x = y to typeof(string), z limit 10",
        "T | mv-apply e = Events to typeof(dynamic) on (where e.k == 1 | take 1)",
        "T | parse kind=regex flags=Ui Cmd with * \"-user \" User:string \" \" Rest",
        "T | parse-where Line with \"a\" b:long \"c\" *",
        "T | extend (a, b) = f(x), ['c d'] = 1 | distinct a, e = tolower(b)",
        "T | where * has \"x\" | count",
        "T | make-series c = count() default = 0 on Timestamp from ago(1d) to now() step 1h by Dev",
        "T | make-series n = sum(x) on ts in range(datetime(2020-01-01), datetime(2020-02-01), 1d)",
        "T | evaluate bag_unpack(d) : (*, x:string) | render timechart with (title = \"t\", ycolumns = a, b)",
        "T | top-nested 3 of a by c = count() desc, top-nested of b with others = 'o' by sum(x)",
        "T | fork (where x > 1) named = (summarize count())",
        "T | facet by a, b with (take 5)",
        "T | invoke FileProfile(SHA1, 1000) | as Result | serialize n = row_number() | getschema",
        "T | sample 10 | sample-distinct 5 of x | consume decodeblocks=true",
        "search in (T, U) \"error\" and Level:\"x\"",
        "find in (T, U) where x == 1 project a, b",
        "find in (Dev*, (T | take 1)) 'error'",
        "alias database db = cluster('c').database('d');\nrestrict access to (T*, database('x').*);\nunion *, database('y').U*",
        "T | mv-expand range to typeof(datetime) | extend range = range(1, 3, 1)",
        "T | top-hitters 5 of a by b | reduce kind=source by c with threshold=0.5, characters=\"-\"",
        "print x = time(null), y = double(null), z = boolean(null)",
        "print a = 1, b = 'x', c = datetime(2020-01-01), d = 1.5h, e = dynamic({\"a\": [1, 2]}), f = int(null)",
        "range x from 1 to 10 step 2 | extend y = x between (2 .. 5), z = x !between (1 .. 2)",
        "datatable(a:string, b:long) ['x', 1, 'y', -2] | where b > -1",
        "externaldata(Url:string, Tag:string) [h@\"https://example.org/list.csv\"] with (format = \"csv\", ignoreFirstRecord = true)",
        "let m = materialize(T | take 1);\nlet s = toscalar(m | count);\nm | where x < s",
        "T | extend a = b.c['d'][0], e = f.['g h'], i = -x, j = tostring(parse_json(y).z)",
        "T | where x has_any (L) and y has_all ('a', 'b') and z !in (1, 2) and w in (T | project w)",
        "T | partition hint.strategy=native by k (top 1 by t)",
        "T | scan declare (s:string) with (step a: x == 1 => s = 'a'; step b output=last: x == 2;)",
        "set querytrace;\ndeclare query_parameters(n:long = 10);\nT | take n",
        "T | where ['my col'] == \"a\\\"b\\\\c\" | extend ['and'] = 1",
        "T | where a contains_cs 'x' or b !startswith_cs 'y' or c hassuffix 'z' or d notcontains 'q'",
    })
    void ownQueriesRoundTrip(String text) {
        assertRoundTrip(text);
    }

    @Test
    void corpusQueriesThatParseRoundTrip() throws IOException {
        Optional<Path> corpus = SharedCorpus.resolve("corpus/kql");
        assumeTrue(corpus.isPresent(), "shared/corpus/kql is absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus.get())) {
            files = walk.filter(p -> p.toString().endsWith(".kql")).sorted().toList();
        }
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            if (KqlParser.parse(text).hasErrors()) {
                continue;
            }
            checked++;
            try {
                assertRoundTrip(text);
            } catch (AssertionError e) {
                failures.add(corpus.get().relativize(file) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        System.out.println("round trip: " + checked + " corpus queries, " + failures.size() + " failures");
        failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
        assertThat(checked).isGreaterThan(3000);
        assertThat(failures).isEmpty();
    }
}
