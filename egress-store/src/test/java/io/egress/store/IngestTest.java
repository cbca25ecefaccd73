package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Table;
import io.egress.data.ValueFormat;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting the bundled samples and reading the store back gives exactly the tables the loader gives. */
class IngestTest {
    static final Path SAMPLES = Path.of(System.getProperty("egress.repo.root", "..")).resolve("samples");

    @TempDir
    Path dir;

    static List<String> rows(Table table) {
        List<String> out = new ArrayList<>();
        for (Object[] row : table.rows()) {
            StringBuilder sb = new StringBuilder();
            for (Object v : row) {
                sb.append(v == null ? "<null>" : v.getClass().getSimpleName() + ":" + ValueFormat.toKqlString(v)).append('|');
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void samplesRoundTripThroughTheStore() throws Exception {
        LoadResult direct = new TelemetryLoader().load(List.of(SAMPLES), LoadOptions.defaults());
        Store store = Store.openOrCreate(dir.resolve("s"), Partitioning.HOUR);
        Ingest.Report report = new Ingest().ingest(List.of(SAMPLES), store, null);
        assertThat(report.rows()).isPositive();
        assertThat(report.coercedValues()).isZero();
        StoreRead read = new StoreReader(2).read(store, ReadPlan.all());
        assertThat(read.problems()).isEmpty();
        int compared = 0;
        for (Map.Entry<String, Table> table : direct.tables().entrySet()) {
            Table back = read.tables().get(table.getKey());
            if (table.getValue().rowCount() == 0) {
                assertThat(back).as(table.getKey()).isNull();
                continue;
            }
            assertThat(back.schema()).isEqualTo(table.getValue().schema());
            assertThat(rows(back)).as(table.getKey()).isEqualTo(rows(table.getValue()));
            assertThat(report.rowsPerTable().get(table.getKey())).isEqualTo(table.getValue().rowCount());
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anExportNamedAfterItsTableGivesTheRowsTheLoaderGives() throws Exception {
        Table process = new TelemetryLoader().load(List.of(SAMPLES), LoadOptions.defaults()).tables().get("DeviceProcessEvents");
        assertThat(process.rowCount()).isPositive();
        StringBuilder jsonl = new StringBuilder();
        new io.egress.data.io.JsonLinesWriter().write(process, jsonl);
        Path named = dir.resolve("DeviceProcessEvents.jsonl");
        Path unnamed = dir.resolve("export.jsonl");
        Files.writeString(named, jsonl);
        Files.writeString(unnamed, jsonl);
        Store a = Store.openOrCreate(dir.resolve("a"), Partitioning.HOUR);
        Store b = Store.openOrCreate(dir.resolve("b"), Partitioning.HOUR);
        Ingest.Report viaScanner = new Ingest().ingest(List.of(named), a, null);
        Ingest.Report viaLoader = new Ingest().ingest(List.of(unnamed), b, null);
        assertThat(viaScanner.files()).singleElement().satisfies(f -> {
            assertThat(f.format()).isEqualTo("defender");
            assertThat(f.malformed()).isZero();
        });
        assertThat(viaScanner.rowsPerTable()).isEqualTo(viaLoader.rowsPerTable()).containsEntry("DeviceProcessEvents",
                (long) process.rowCount());
        Table fromA = new StoreReader(1).read(a, ReadPlan.all()).tables().get("DeviceProcessEvents");
        Table fromB = new StoreReader(1).read(b, ReadPlan.all()).tables().get("DeviceProcessEvents");
        assertThat(rows(fromA)).isEqualTo(rows(fromB)).isEqualTo(rows(process));
    }

    @Test
    void unrecognisedFilesInFoldersAreSkippedButNamedFilesAreReported() throws Exception {
        Path folder = dir.resolve("in");
        Files.createDirectories(folder);
        Files.copy(SAMPLES.resolve("defender/advanced-hunting-export.jsonl"), folder.resolve("export.jsonl"));
        Files.writeString(folder.resolve("notes.bin"), "\u0001\u0002 nothing to read");
        Store store = Store.openOrCreate(dir.resolve("s"), Partitioning.DAY);
        Ingest.Report inFolder = new Ingest().ingest(List.of(folder), store, null);
        assertThat(inFolder.files()).extracting(f -> f.format()).containsExactlyInAnyOrder("defender", "skipped");
        Ingest.Report named = new Ingest().ingest(List.of(folder.resolve("notes.bin")), store, null);
        assertThat(named.files()).singleElement().satisfies(f -> {
            assertThat(f.format()).isEqualTo("unknown");
            assertThat(f.problems()).isNotEmpty();
        });
        assertThat(named.segments()).isEmpty();
    }
}
