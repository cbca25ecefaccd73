package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.engine.RowPrefilter;
import io.egress.store.query.QueryNeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A store read keeps exactly the rows the engine's row-by-row prefilter keeps, whatever the segments
 * hold: the column-wise filter, its per-id verdicts (string dictionaries and long dictionaries alike),
 * the term index and the whole-segment time ranges only save work.
 */
class BatchFilterTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final String[] FILES = {"curl.exe", "ftp.exe", "FTP.EXE", "chrome.exe", "powershell.exe", "x"};
    static final String[] PIECES = {"curl.exe", "CURL", "mycurl.exe", "-T ", "ftp://host/", "--upload-file", "PUT ",
        "upload", "\u212Aeep", "smtp", "-T ftp", "@", " ", "note.txt", "https://a", "dig "};
    static final String[] QUERIES = {
        "DeviceProcessEvents | where Timestamp > ago(1h) | where FileName has_any (dynamic([\"curl.exe\", \"ftp.exe\"]))"
                + " or ProcessCommandLine has_any (dynamic([\"ftp://\", \"--upload-file\", \"-T ftp\"]))"
                + " | where ProcessCommandLine has_any (dynamic([\"-T \", \"PUT \", \"upload\"])) or FileName has \"ftp.exe\"",
        "DeviceProcessEvents | where ProcessCommandLine has \"curl.exe\" and Timestamp < ago(30m)",
        "DeviceProcessEvents | where ProcessCommandLine has_cs \"CURL\" or ProcessCommandLine matches regex \"[a-z]{4,}\\\\.exe\"",
        "DeviceProcessEvents | where ProcessCommandLine has_all (dynamic([\"curl\", \"ftp\"])) | where Timestamp >= ago(2h)",
        "DeviceProcessEvents | where not(ProcessCommandLine has \"curl\") and FileName in~ (\"FTP.EXE\", \"x\")",
        "DeviceProcessEvents | where ProcessCommandLine has \"keep\" or Timestamp between (ago(2h) .. ago(1h))",
        "DeviceProcessEvents | where LogonId in (3, 999) or ProcessCommandLine has \"curl\"",
        "DeviceProcessEvents | where LogonId > 100 and FileName =~ \"ftp.exe\"",
        "DeviceProcessEvents | where isnull(LogonId) or LogonId == -5"};
    static final Long[] LOGONS = {0L, 3L, 999L, null, -5L};

    @Property(tries = 25)
    void keepsTheRowsTheRowPrefilterKeeps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 700) int count) throws Exception {
        Random random = new Random(seed);
        List<Object[]> rows = StoreTest.process(NOW.minusSeconds(3 * 3600), count, 0, "x");
        boolean fewLogons = random.nextInt(3) > 0; // a dictionary block, else (often) a varint one
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            row[StoreTest.PROCESS.indexOf("Timestamp")] = random.nextInt(20) == 0 ? null
                    : NOW.minusSeconds(random.nextInt(3 * 3600));
            row[StoreTest.PROCESS.indexOf("FileName")] = FILES[random.nextInt(FILES.length)];
            row[StoreTest.PROCESS.indexOf("LogonId")] = fewLogons ? LOGONS[random.nextInt(LOGONS.length)]
                    : random.nextInt(10) == 0 ? null : (Long) (long) random.nextInt(2000) - 5;
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            row[StoreTest.PROCESS.indexOf("ProcessCommandLine")] = line.append(random.nextInt(4) == 0 ? "" : " " + i).toString();
        }
        Path dir = Files.createTempDirectory("batch-filter");
        try {
            Store store = StoreTest.write(dir.resolve("s"), rows);
            for (String query : QUERIES) {
                Compilation compilation = new KqlEngine().compile(query, Catalog.defender());
                assertThat(compilation.hasErrors()).as(compilation.diagnostics().toString()).isFalse();
                RowPrefilter prefilter = compilation.prefilter("DeviceProcessEvents").orElseThrow();
                StoreRead planned = new StoreReader(2).read(store, QueryNeeds.plan(compilation, NOW));
                assertThat(ids(planned.tables().get("DeviceProcessEvents").rows(), planned.tables().get("DeviceProcessEvents").schema()))
                        .as(query).isEqualTo(expected(rows, prefilter));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The ProcessIds of the rows the engine's own prefilter keeps, testing the rows as written. */
    private static TreeSet<Long> expected(List<Object[]> rows, RowPrefilter prefilter) {
        Schema layout = prefilter.schema();
        Predicate<Object[]> test = prefilter.newTest(NOW);
        TreeSet<Long> out = new TreeSet<>();
        for (Object[] row : rows) {
            Object[] laid = new Object[layout.size()];
            for (int c = 0; c < laid.length; c++) {
                int from = StoreTest.PROCESS.indexOf(layout.column(c).name());
                laid[c] = from < 0 ? null : row[from];
            }
            if (test.test(laid)) {
                out.add((Long) row[StoreTest.PROCESS.indexOf("ProcessId")]);
            }
        }
        return out;
    }

    private static TreeSet<Long> ids(Iterable<Object[]> rows, Schema schema) {
        int c = schema.indexOf("ProcessId");
        TreeSet<Long> out = new TreeSet<>();
        rows.forEach(r -> out.add((Long) r[c]));
        return out;
    }
}
