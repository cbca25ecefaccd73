package io.egress.kql.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.kql.syntax.Parsing;
import io.egress.kql.syntax.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Parses every query of the shared KQL corpus (syntax only) and compares with the verdicts of Microsoft's
 * parser in each folder's expected.tsv. Field queries: we must accept at least 98% of what the reference
 * accepts and reject everything it rejects. The documentation examples are reported separately.
 */
class KqlCorpusTest {
    static final List<String> FIELD = List.of("m365", "bertjanp", "falconfriday", "reprise99", "azsentinel");

    /** Counts for one set of folders. */
    static final class Tally {
        int refOk;
        int weAcceptOfRefOk;
        int refError;
        int weRejectOfRefError;
        /** Queries both reject where our first error is at the reference's first error offset. */
        int sameFirstOffset;
        final List<String> mismatches = new ArrayList<>();
        final List<String> otherFirstOffset = new ArrayList<>();

        double acceptShare() {
            return refOk == 0 ? 1.0 : (double) weAcceptOfRefOk / refOk;
        }

        String summary(String name) {
            return String.format("%s: reference accepts %d, we accept %d of them (%.2f%%); reference rejects %d,"
                    + " we reject %d of them", name, refOk, weAcceptOfRefOk, 100 * acceptShare(), refError,
                    weRejectOfRefError);
        }
    }

    static Tally run(Path corpus, List<String> folders) throws IOException {
        Tally tally = new Tally();
        for (String folder : folders) {
            Path dir = corpus.resolve(folder);
            List<String> lines = Files.readAllLines(dir.resolve("expected.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t");
                String text = Files.readString(dir.resolve(cols[0]));
                if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                ParseResult r = KqlParser.parse(text);
                boolean refAccepts = cols[1].equals("ok");
                if (refAccepts) {
                    tally.refOk++;
                    if (!r.hasErrors()) {
                        tally.weAcceptOfRefOk++;
                    } else {
                        var d = r.errors().get(0);
                        tally.mismatches.add("we reject " + folder + "/" + cols[0] + ": " + Parsing.where(r, d) + " "
                                + d.code() + " " + d.message());
                    }
                } else {
                    tally.refError++;
                    if (r.hasErrors()) {
                        tally.weRejectOfRefError++;
                        int refOffset = Integer.parseInt(cols[3].split(" ")[1].substring(1));
                        var d = r.errors().get(0);
                        if (d.span().start() == refOffset) {
                            tally.sameFirstOffset++;
                        } else {
                            tally.otherFirstOffset.add(folder + "/" + cols[0] + ": reference " + cols[3] + "; we "
                                    + Parsing.where(r, d) + " " + d.code() + " " + d.message());
                        }
                    } else {
                        tally.mismatches.add("we accept " + folder + "/" + cols[0] + " (reference: " + cols[3] + ")");
                    }
                }
            }
        }
        return tally;
    }

    private static Path corpus() {
        Optional<Path> corpus = SharedCorpus.resolve("corpus/kql");
        assumeTrue(corpus.isPresent(), "shared/corpus/kql is absent");
        return corpus.get();
    }

    @Test
    void fieldQueriesMatchTheReferenceParser() throws IOException {
        Tally t = run(corpus(), FIELD);
        System.out.println(t.summary("field queries"));
        t.mismatches.stream().limit(20).forEach(m -> System.out.println("  " + m));
        assertThat(t.refOk).isGreaterThan(2000);
        assertThat(t.acceptShare()).as(t.summary("field")).isGreaterThanOrEqualTo(0.98);
        assertThat(t.weRejectOfRefError).as(t.summary("field")).isEqualTo(t.refError);
        // and our first error is where Kusto puts its first error (offsets in UTF-16 units)
        System.out.println("  first error at the reference's offset: " + t.sameFirstOffset + " of " + t.refError);
        assertThat(t.otherFirstOffset).isEmpty();
    }

    @Test
    void documentationExamples() throws IOException {
        Tally t = run(corpus(), List.of("kustodocs"));
        System.out.println(t.summary("kustodocs"));
        t.mismatches.stream().limit(20).forEach(m -> System.out.println("  " + m));
        // graph operators, reduce, top-hitters, pattern/restrict/alias statements are not supported:
        // a floor that catches regressions without pretending to cover them
        assertThat(t.acceptShare()).as(t.summary("kustodocs")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void selfTestFolderVerdicts() throws IOException {
        Tally t = run(corpus(), List.of("_selftest"));
        System.out.println(t.summary("_selftest"));
        assertThat(t.mismatches).isEmpty();
    }
}
