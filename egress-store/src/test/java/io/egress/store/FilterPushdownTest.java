package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Table;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.store.query.MemoPrefilter;
import io.egress.store.query.QueryNeeds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A store read with the query's plan (columns, time bound, row filter) gives the query the same result as a full read. */
class FilterPushdownTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @TempDir
    Path dir;

    Store store() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        String[] files = {"curl.exe", "ftp.exe", "chrome.exe", "svchost.exe", "powershell.exe"};
        String[] lines = {"--upload-file a ftp://x", "-T data ftp://y", "https://z", "Send-MailMessage -Attach x", ""};
        List<Object[]> base = StoreTest.process(NOW.minusSeconds(6 * 3600), 3000, 0, "x");
        for (int i = 0; i < base.size(); i++) {
            Object[] row = base.get(i);
            row[StoreTest.PROCESS.indexOf("Timestamp")] = NOW.minusSeconds(6 * 3600).plusSeconds(7L * i);
            row[StoreTest.PROCESS.indexOf("FileName")] = files[i % files.length];
            row[StoreTest.PROCESS.indexOf("ProcessCommandLine")] = files[(i / 5) % files.length] + " " + lines[(i / 3) % lines.length];
            rows.add(row);
        }
        return StoreTest.write(dir.resolve("s"), rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DeviceProcessEvents | where Timestamp > ago(2h) | where FileName has_any (dynamic([\"curl.exe\", \"ftp.exe\"]))"
                + " | where ProcessCommandLine has_any (dynamic([\"--upload-file\", \"-T \"])) | project Timestamp, FileName, ProcessCommandLine",
        "DeviceProcessEvents | where FileName =~ \"POWERSHELL.EXE\" or ProcessCommandLine contains \"Send-Mail\" | summarize count() by FileName",
        "let a = DeviceProcessEvents | where FileName == \"curl.exe\" | extend k = 1;"
                + " let b = DeviceProcessEvents | where FileName == \"ftp.exe\" | extend k = 2; union a, b | summarize count() by k, FileName",
        "DeviceProcessEvents | where Timestamp > ago(1h) | count"})
    void pushdownKeepsTheResult(String query) throws Exception {
        Store store = store();
        Compilation compilation = new KqlEngine().compile(query, Catalog.defender());
        assertThat(compilation.hasErrors()).as(compilation.diagnostics().toString()).isFalse();
        StoreRead whole = new StoreReader(1).read(store, ReadPlan.all());
        ReadPlan plan = QueryNeeds.plan(compilation, NOW);
        StoreRead planned = new StoreReader(2).read(store, plan);
        Table expected = compilation.execute(whole.tables(), NOW);
        Table actual = compilation.execute(planned.tables(), NOW);
        assertThat(IngestTest.rows(actual)).isEqualTo(IngestTest.rows(expected));
        assertThat(expected.rowCount()).isPositive();
        int kept = planned.tables().get("DeviceProcessEvents").rowCount();
        assertThat(kept).isLessThan(3000);
    }

    @org.junit.jupiter.api.Test
    void mostlyDistinctValuesKeepTheResult() throws Exception {
        List<Object[]> rows = StoreTest.process(NOW.minusSeconds(3600), 6000, 0, "curl.exe");
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[StoreTest.PROCESS.indexOf("ProcessCommandLine")] = "curl.exe " + (i % 7 == 0 ? "--upload-file " : "-o ") + i;
            rows.get(i)[StoreTest.PROCESS.indexOf("Timestamp")] = NOW.minusSeconds(3600).plusMillis(500L * i);
        }
        Store store = StoreTest.write(dir.resolve("d"), rows);
        Compilation compilation = new KqlEngine().compile(
                "DeviceProcessEvents | where ProcessCommandLine has \"--upload-file\" | count", Catalog.defender());
        StoreRead planned = new StoreReader(1).read(store, QueryNeeds.plan(compilation, NOW));
        assertThat(planned.tables().get("DeviceProcessEvents").rowCount()).isEqualTo(6000 / 7 + 1);
        assertThat(IngestTest.rows(compilation.execute(planned.tables(), NOW)))
                .isEqualTo(IngestTest.rows(compilation.execute(new StoreReader(1).read(store, ReadPlan.all()).tables(), NOW)));
    }

    @org.junit.jupiter.api.Test
    void keptValuesOfFilteredColumnsAreOneInstanceAcrossSegments() throws Exception {
        Store store = store(); // several hour segments
        Compilation compilation = new KqlEngine().compile(
                "DeviceProcessEvents | where FileName == \"ftp.exe\" | project FileName", Catalog.defender());
        StoreRead planned = new StoreReader(2).read(store, QueryNeeds.plan(compilation, NOW));
        Table t = planned.tables().get("DeviceProcessEvents");
        assertThat(planned.segments().size()).isGreaterThan(1);
        int c = t.schema().indexOf("FileName");
        assertThat(t.rowCount()).isEqualTo(600);
        for (int r = 1; r < t.rowCount(); r++) {
            assertThat(t.value(r, c)).isSameAs(t.value(0, c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeviceProcessEvents | where FileName has_any (dynamic([\"curl.exe\"])) and ProcessCommandLine has \"-T\""})
    void conjunctsOnOneStringColumnAreMemoised(String query) {
        Compilation compilation = new KqlEngine().compile(query, Catalog.defender());
        MemoPrefilter filter = new MemoPrefilter(compilation.prefilter("DeviceProcessEvents").orElseThrow(), NOW);
        assertThat(filter.memoised()).isEqualTo(2);
        MemoPrefilter seedLike = new MemoPrefilter(new KqlEngine().compile("DeviceProcessEvents | where FileName has \"a\" or"
                + " ProcessCommandLine has \"b\" | where Timestamp > ago(1h)", Catalog.defender()).prefilter("DeviceProcessEvents").orElseThrow(), NOW);
        assertThat(seedLike.memoised()).isEqualTo(2);
    }
}
