package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import io.egress.kql.engine.binder.BindDiagnostics;
import io.egress.kql.syntax.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Binds the reference-accepted field queries of the KQL corpus that read only the Defender tables in
 * the catalog (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceEvents) and reports
 * the share that binds with no error, with the commonest failure reasons. A query is "Defender-only"
 * when binding reports no unknown table, or only unknown names it never defines with let, and it has no
 * {@code union *} or a {@code search} without {@code in (...)} (which read every table).
 * Skipped when shared/corpus is absent.
 */
class CorpusBindingTest {
    private static final List<String> SOURCES = List.of("m365", "bertjanp", "falconfriday", "reprise99", "azsentinel");
    private static final Pattern UNION_ALL = Pattern.compile(
            "\\bunion\\b[^|;]*?(?<![\\w'\"])\\*|(^|[;\\n(])\\s*search\\b(?!\\s+in\\b)(?![^|\\n]*\\bin\\s*\\()");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    @Test
    void defenderOnlyCorpusQueriesBind() throws IOException {
        Optional<Path> corpus = SharedData.resolve("corpus/kql");
        assumeTrue(corpus.isPresent(), "shared corpus absent");
        KqlEngine engine = new KqlEngine();
        int considered = 0;
        int bound = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        List<String> failures = new java.util.ArrayList<>();
        for (String source : SOURCES) {
            Path dir = corpus.get().resolve(source);
            Path expected = dir.resolve("expected.tsv");
            if (!Files.exists(expected)) {
                continue;
            }
            for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
                String[] cols = line.split("\t");
                if (cols.length < 2 || !cols[1].equals("ok")) {
                    continue;
                }
                Path file = dir.resolve(cols[0]);
                if (!Files.exists(file)) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Compilation c;
                try {
                    c = engine.compile(text, Catalog.defender());
                } catch (RuntimeException e) {
                    considered++;
                    String reason = "CRASH " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    reasons.merge(reason, 1, Integer::sum);
                    examples.putIfAbsent(reason, source + "/" + cols[0]);
                    continue;
                }
                if (c.referencedTables().isEmpty() || readsOtherTables(c, text)) {
                    continue;
                }
                considered++;
                List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
                if (errors.isEmpty()) {
                    bound++;
                    continue;
                }
                Diagnostic first = errors.get(0);
                String reason = first.code() + " " + QUOTED.matcher(first.message()).replaceAll("'X'");
                reasons.merge(reason, 1, Integer::sum);
                failures.add(source + "/" + cols[0] + " @" + c.source().line(first.span().start()) + ": " + first.code()
                        + " " + first.message() + " | " + c.source().slice(first.span()));
                examples.putIfAbsent(reason, source + "/" + cols[0] + " @" + c.source().line(first.span().start())
                        + ": " + first.message());
            }
        }
        assumeTrue(considered > 0, "no Defender-only corpus queries found");
        double share = 100.0 * bound / considered;
        StringBuilder report = new StringBuilder(String.format("Binding: %d of %d Defender-only corpus queries bind"
                + " with no error (%.1f%%)%n", bound, considered, share));
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> report.append(String.format("  %4d  %s%n        e.g. %s%n", e.getValue(), e.getKey(),
                        examples.get(e.getKey()))));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/corpus-binding-failures.txt"), failures, StandardCharsets.UTF_8);
        assertThat(share).as(report.toString()).isGreaterThanOrEqualTo(95.0);
    }

    /** True when some unknown table is one the text never defines with let (so it is a real other table). */
    private static boolean readsOtherTables(Compilation c, String text) {
        if (UNION_ALL.matcher(text).find()) {
            return true; // union * and search without "in (...)" read every table, not only the four
        }
        for (Diagnostic d : c.diagnostics()) {
            if (d.code().equals(BindDiagnostics.UNKNOWN_TABLE)) {
                String name = c.source().slice(d.span());
                if (!Pattern.compile("\\blet\\s+" + Pattern.quote(name) + "\\b").matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

}
