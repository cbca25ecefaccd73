package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.data.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Very long and/or chains, long pipelines and wide in-lists bind, compile and run without overflowing
 * the stack (logical runs are built as balanced trees), and give the same rows as short forms.
 * Each case runs in a thread with a small (512 KiB) stack so a recursion that grows with the query shows.
 */
class DeepQueryTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Catalog CATALOG = Catalog.of(Map.of("T", Schema.parse("a:string, n:long")));
    private static final Table T = Table.of(Schema.parse("a:string, n:long"), List.<Object[]>of(
            new Object[] {"t0", 0L}, new Object[] {"x", 1L}, new Object[] {"t4999", 2L}, new Object[] {"T17", 3L}));

    @Test
    void fiveThousandTermOrChain() throws Exception {
        String where = IntStream.range(0, 5000).mapToObj(i -> "a == \"t" + i + "\"").collect(Collectors.joining(" or "));
        assertThat(rows("T | where " + where + " | project n")).containsExactly("0", "2");
    }

    @Test
    void fiveThousandTermAndChain() throws Exception {
        String where = IntStream.range(0, 5000).mapToObj(i -> "a != \"t" + i + "\"").collect(Collectors.joining(" and "));
        assertThat(rows("T | where " + where + " | project n")).containsExactly("1", "3");
    }

    @Test
    void mixedLongChainsKeepPrecedence() throws Exception {
        // (n == 1 and a == "x") or (n == 3 and a =~ "t17") or ... : and binds tighter than or
        String where = IntStream.range(0, 3000).mapToObj(i -> "n == " + (i % 4) + " and a == \"t" + i + "\"")
                .collect(Collectors.joining(" or "));
        assertThat(rows("T | where " + where + " or n == 3 and a =~ \"t17\" | project n")).containsExactly("0", "3");
    }

    @Test
    void wideInListWithColumns() throws Exception {
        String items = IntStream.range(0, 5000).mapToObj(i -> i == 4000 ? "a" : "\"v" + i + "\"")
                .collect(Collectors.joining(", "));
        assertThat(rows("T | where \"x\" in (" + items + ") | project n")).containsExactly("1");
        assertThat(rows("T | where \"x\" !in (" + items + ") | project n")).containsExactly("0", "2", "3");
    }

    @Test
    void longPipeline() throws Exception {
        StringBuilder q = new StringBuilder("T");
        for (int i = 0; i < 900; i++) {
            q.append(" | where n >= 0");
        }
        q.append(" | project n");
        assertThat(rows(q.toString())).containsExactly("0", "1", "2", "3");
    }

    private static List<String> rows(String query) throws Exception {
        List<String> out = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Compilation c = ENGINE.compile(query, CATALOG);
                assertThat(c.diagnostics()).isEmpty();
                Table result = c.execute(Map.of("T", T), NOW);
                for (Object[] row : result.rows()) {
                    out.add(String.valueOf(row[0]));
                }
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "deep-query", 512 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError("query failed: " + failure[0], failure[0]);
        }
        return out;
    }
}
