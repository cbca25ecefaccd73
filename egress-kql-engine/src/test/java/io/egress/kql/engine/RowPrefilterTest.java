package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.KqlValues;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.plan.BoundExpr;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The prefilter's shared term scans (one matcher per column, the previous value's result reused) give
 * the same verdict as evaluating every conjunct on its own.
 */
class RowPrefilterTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final Schema T = Schema.parse("a:string, b:long, c:datetime, e:string");
    static final String[] PIECES = {"curl.exe", "CURL", "mycurl.exe", "-T ", "ftp://h/", "--data", "--databases", "smtp",
        "\u212Aeep", "keep", "dig ", " ", ".", "Send-MailMessage", "x"};
    static final String[] QUERIES = {
        "T | where a has_any (dynamic(['curl.exe', 'ftp://', '-T ftp'])) or e has 'smtp' | where a has_any (dynamic(['-T ', '--data']))",
        "union (T | where c > ago(1h) | where a has 'curl' and a has_cs 'CURL'),"
                + " (T | where a has_all (dynamic(['curl', 'ftp'])) or b > 3), (T | where not(a has 'keep') and e has_any (dynamic(['dig ', 'x'])))",
        "T | where a has_any (dynamic(['', 'zzz']))",
        "T | where a has 'KEEP' or a has_any (dynamic(['Keep', 'send-mailmessage']))"};

    @Property(tries = 60)
    void sharedScansGiveEachConjunctsVerdict(@ForAll long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new java.util.ArrayList<>();
        String previous = "";
        for (int i = 0; i < 200; i++) {
            // a third of the rows repeat the previous instance, as readers that share repeated values do
            String a = random.nextInt(3) == 0 ? previous : text(random);
            previous = a;
            rows.add(new Object[] {a, (long) random.nextInt(6), NOW.minusSeconds(random.nextInt(7200)), text(random)});
        }
        for (String query : QUERIES) {
            Compilation c = new KqlEngine().compile(query, Catalog.of(Map.of("T", T)));
            assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
            RowPrefilter prefilter = c.prefilter("T").orElseThrow();
            Predicate<Object[]> test = prefilter.newTest(NOW);
            for (Object[] row : rows) {
                assertThat(test.test(row)).as("%s on %s", query, java.util.Arrays.toString(row))
                        .isEqualTo(reference(prefilter, row));
            }
        }
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(4); k >= 0; k--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** Each chain's conjuncts evaluated whole, as the where clauses would. */
    private static boolean reference(RowPrefilter prefilter, Object[] row) {
        ExecContext ctx = new ExecContext(Map.of(), NOW);
        for (List<BoundExpr> chain : prefilter.chains()) {
            boolean all = true;
            for (BoundExpr e : chain) {
                RowExpr compiled = ExprCompiler.compile(e);
                all &= KqlValues.isTrue(compiled.eval(row, ctx));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
