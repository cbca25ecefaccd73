package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.ValueConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    static final Schema PROCESS = DefenderSchemas.schema("DeviceProcessEvents").orElseThrow();
    static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

    @TempDir
    Path dir;

    /** Rows of DeviceProcessEvents, one every {@code stepMinutes} from {@code start}. */
    static List<Object[]> process(Instant start, int count, int stepMinutes, String tag) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object[] row = new Object[PROCESS.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = ValueConverter.nullOf(PROCESS.column(c).type());
            }
            row[PROCESS.indexOf("Timestamp")] = start.plusSeconds(60L * stepMinutes * i);
            row[PROCESS.indexOf("DeviceName")] = "host-" + (i % 3);
            row[PROCESS.indexOf("FileName")] = tag;
            row[PROCESS.indexOf("ProcessCommandLine")] = tag + " --n " + i;
            row[PROCESS.indexOf("ProcessId")] = (long) i;
            rows.add(row);
        }
        return rows;
    }

    static Store write(Path root, List<Object[]> rows) throws Exception {
        Store store = Store.openOrCreate(root, Partitioning.HOUR);
        StoreWriter writer = new StoreWriter(store, 1000);
        writer.add("DeviceProcessEvents", PROCESS, rows);
        writer.finish();
        return store;
    }

    static List<String> column(Table table, String name) {
        int c = table.schema().indexOf(name);
        List<String> out = new ArrayList<>();
        for (Object[] row : table.rows()) {
            out.add(String.valueOf(row[c]));
        }
        return out;
    }

    @Test
    void partitionsByHourAndReadsEverythingBack() throws Exception {
        List<Object[]> rows = process(T0, 300, 1, "a.exe"); // 5 hours
        Store store = write(dir.resolve("s"), rows);
        List<SegmentFile> segments = store.segments("DeviceProcessEvents");
        assertThat(segments).hasSize(5);
        assertThat(segments.get(0).name()).startsWith("20260115T00Z_").endsWith(".egseg");
        StoreRead read = new StoreReader(2).read(Store.open(dir.resolve("s")), ReadPlan.all());
        assertThat(read.problems()).isEmpty();
        Table t = read.tables().get("DeviceProcessEvents");
        assertThat(t.schema()).isEqualTo(PROCESS);
        assertThat(t.rowCount()).isEqualTo(300);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(t.rows().get(i)).as("row " + i).isEqualTo(rows.get(i));
        }
    }

    @Test
    void appendAddsSegmentsAndKeepsTheOldOnes() throws Exception {
        Path root = dir.resolve("s");
        write(root, process(T0, 120, 1, "first.exe"));
        Store store = write(root, process(T0.plusSeconds(3600), 120, 1, "second.exe"));
        assertThat(store.segments("DeviceProcessEvents")).hasSize(4); // hours 00-01, then 01-02: hour 01 has one segment of each ingest
        Table t = new StoreReader(1).read(store, ReadPlan.all()).tables().get("DeviceProcessEvents");
        assertThat(t.rowCount()).isEqualTo(240);
        assertThat(column(t, "FileName")).containsOnly("first.exe", "second.exe");
        assertThat(column(t, "FileName").stream().filter("second.exe"::equals)).hasSize(120);
    }

    @Test
    void readsOnlyPlannedColumnsAndTables() throws Exception {
        Store store = write(dir.resolve("s"), process(T0, 50, 1, "x.exe"));
        ReadPlan plan = ReadPlan.of(Map.of("DeviceProcessEvents",
                new ReadPlan.TableRead(Optional.of(Set.of("FileName", "Timestamp")), Optional.empty())));
        StoreRead read = new StoreReader(1).read(store, plan);
        ColumnarTable t = (ColumnarTable) read.tables().get("DeviceProcessEvents");
        assertThat(t.rowCount()).isEqualTo(50);
        assertThat(t.hasColumn(PROCESS.indexOf("FileName"))).isTrue();
        assertThat(t.hasColumn(PROCESS.indexOf("DeviceName"))).isFalse();
        assertThat(column(t, "FileName")).containsOnly("x.exe");
        assertThat(column(t, "DeviceName")).containsOnly(""); // a string column not read is empty
        assertThat(column(t, "ProcessId")).containsOnly("null");
        // equal strings are one instance
        assertThat(t.value(0, PROCESS.indexOf("FileName"))).isSameAs(t.value(49, PROCESS.indexOf("FileName")));
        assertThat(new StoreReader(1).read(store, ReadPlan.of(Map.of())).tables()).isEmpty();
    }

    @Test
    void timeBoundSkipsWholeSegments() throws Exception {
        Store store = write(dir.resolve("s"), process(T0, 600, 1, "x.exe")); // 10 hourly segments
        Instant after = T0.plusSeconds(7 * 3600 + 30 * 60); // 07:30
        ReadPlan plan = ReadPlan.of(Map.of("DeviceProcessEvents", new ReadPlan.TableRead(Optional.empty(), Optional.of(after))));
        StoreRead read = new StoreReader(2).read(store, plan);
        assertThat(read.segmentsSkippedByTime()).isEqualTo(7);
        Table t = read.tables().get("DeviceProcessEvents");
        assertThat(t.rowCount()).isEqualTo(180); // hours 07, 08, 09: the segment holding the bound is read whole
        int ts = PROCESS.indexOf("Timestamp");
        long atOrAfter = t.rows().stream().filter(r -> !((Instant) r[ts]).isBefore(after)).count();
        assertThat(atOrAfter).isEqualTo(150);
    }

    @Test
    void corruptSegmentIsReportedAndSkipped() throws Exception {
        Store store = write(dir.resolve("s"), process(T0, 180, 1, "x.exe")); // 3 segments
        Path victim = store.segments("DeviceProcessEvents").get(1).path();
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(victim, bytes);
        Path foreign = store.root().resolve("DeviceProcessEvents").resolve("20260115T05Z_junk_00000.egseg");
        Files.writeString(foreign, "not a segment");
        Files.writeString(store.root().resolve("DeviceProcessEvents").resolve(".tmp-half-written.egseg"), "partial");

        StoreRead read = new StoreReader(2).read(store, ReadPlan.all());
        assertThat(read.problems()).extracting(SegmentProblem::file).containsExactlyInAnyOrder(victim, foreign);
        assertThat(read.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        assertThat(read.problems().stream().filter(p -> p.file().equals(victim)).findFirst().orElseThrow().reason())
                .contains("checksum");
        Table t = read.tables().get("DeviceProcessEvents");
        assertThat(t.rowCount()).isEqualTo(120); // hours 00 and 02
        assertThat(read.toLoadResult(Map.of()).files()).anySatisfy(f -> {
            assertThat(f.format()).isEqualTo("unreadable");
            assertThat(f.problems().get(0).reason()).contains("corrupt segment skipped");
        });
    }

    @Test
    void refusesFoldersThatAreNotStores() throws Exception {
        Path folder = dir.resolve("docs");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("readme.txt"), "hello");
        assertThatThrownBy(() -> Store.openOrCreate(folder, Partitioning.HOUR)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not empty and not a store");
        assertThatThrownBy(() -> Store.open(dir.resolve("missing"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("no such directory");
        Store.openOrCreate(dir.resolve("new"), Partitioning.DAY);
        assertThat(Store.open(dir.resolve("new")).partitioning()).isEqualTo(Partitioning.DAY);
        assertThat(Store.openOrCreate(dir.resolve("new"), Partitioning.HOUR).partitioning()).isEqualTo(Partitioning.DAY);
    }

    @Test
    void rowsWithoutTimeGoToTheNoTimePartitionAndAreNeverSkipped() throws Exception {
        List<Object[]> rows = process(T0, 10, 1, "x.exe");
        rows.forEach(r -> r[PROCESS.indexOf("Timestamp")] = null);
        Store store = write(dir.resolve("s"), rows);
        assertThat(store.segments("DeviceProcessEvents")).singleElement()
                .satisfies(s -> assertThat(s.name()).startsWith("notime_"));
        ReadPlan plan = ReadPlan.of(Map.of("DeviceProcessEvents",
                new ReadPlan.TableRead(Optional.empty(), Optional.of(T0.plusSeconds(86_400)))));
        assertThat(new StoreReader(1).read(store, plan).tables().get("DeviceProcessEvents").rowCount()).isEqualTo(10);
    }
}
