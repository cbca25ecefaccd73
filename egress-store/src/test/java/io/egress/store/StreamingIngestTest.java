package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.ExportScanner;
import io.egress.store.format.SegmentFormat;
import io.egress.telemetry.TelemetryLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest streams a Defender export: memory is bounded by the writer's budget and a few read ranges,
 * never by the size of the file.
 */
class StreamingIngestTest {
    @TempDir
    Path dir;

    /**
     * A DeviceProcessEvents export: {@code rows} rows over 6 hours in random order (so every hour's
     * buffer stays open to the end), each with a distinct command line of about {@code commandLength} chars.
     */
    static Path export(Path dir, int rows, int commandLength) throws IOException {
        Path file = dir.resolve("DeviceProcessEvents.json");
        Random random = new Random(3);
        Instant start = Instant.parse("2026-01-15T10:00:00Z");
        String filler = "QUJDRA".repeat(Math.max(1, commandLength / 6));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                Instant t = start.plusMillis(random.nextInt(6 * 3600 * 1000));
                out.write("{\"Timestamp\":\"" + t + "\",\"DeviceName\":\"ws" + random.nextInt(50)
                        + "\",\"ActionType\":\"ProcessCreated\",\"FileName\":\"powershell.exe\",\"ProcessId\":" + i
                        + ",\"ProcessCommandLine\":\"powershell -enc " + i + " " + filler + "\"}\n");
            }
        }
        return file;
    }

    @Test
    void theWriterNeverHoldsMoreThanItsBudgetAndWritesSegmentsAsRowsArrive() throws Exception {
        int rows = 20_000;
        Path file = export(dir, rows, 300);
        long budget = 1L << 20;
        Store store = Store.openOrCreate(dir.resolve("s"), Partitioning.HOUR);
        Ingest ingest = new Ingest(new TelemetryLoader(), StoreWriter.DEFAULT_MAX_ROWS, budget);
        Ingest.Report report = ingest.ingest(List.of(file), store, null);

        assertThat(report.rows()).isEqualTo(rows);
        assertThat(report.rowsPerTable()).containsEntry("DeviceProcessEvents", (long) rows);
        StoreWriter writer = ingest.lastWriter();
        // one row past the budget at most (a row here is well under 4 KB)
        assertThat(writer.peakBufferedBytes()).isLessThanOrEqualTo(budget + 4096);
        // the file is ~8 MB of rows: held whole, the writer would have buffered all 20,000
        assertThat(writer.peakBufferedRows()).isLessThan(rows / 4);
        assertThat(report.segments()).hasSizeGreaterThan(6);
        assertThat(report.segments()).allMatch(s -> s.header().rowCount() < rows / 4);

        // and nothing is lost or changed: the store holds exactly the rows the scanner reads
        Schema schema = DefenderSchemas.schema("DeviceProcessEvents").orElseThrow();
        Table direct = ExportScanner.scan(file, schema, new HashSet<>(schema.names()), null, 1).table();
        StoreRead read = new StoreReader(2).read(store, ReadPlan.all());
        assertThat(read.problems()).isEmpty();
        assertThat(IngestTest.rows(read.tables().get("DeviceProcessEvents"))).isEqualTo(IngestTest.rows(direct));
        try (Stream<Path> files = Files.list(store.tableDirectory("DeviceProcessEvents"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(SegmentFormat.SUFFIX)).count())
                    .isEqualTo(report.segments().size());
        }
    }

    /**
     * The proof that matters: a ~150 MB export ingested in a JVM with a 80 MB heap. Materializing the file
     * (as ingest did before it streamed) runs out of memory.
     */
    @Test
    void aFileMuchLargerThanTheHeapIngestsInASmallHeap() throws Exception {
        int rows = 30_000;
        Path file = export(dir, rows, 5000);
        assertThat(Files.size(file)).isGreaterThan(140L << 20);
        Path storeDir = dir.resolve("s");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx80m", "-XX:+UseSerialGC", "-cp", classpath,
                SmallHeapIngest.class.getName(), file.toString(), storeDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("rows " + rows);
        Store store = Store.openOrCreate(storeDir, Partitioning.HOUR);
        StoreRead read = new StoreReader(1).read(store, ReadPlan.all());
        assertThat(read.problems()).isEmpty();
        assertThat(read.tables().get("DeviceProcessEvents").rowCount()).isEqualTo(rows);
        Files.delete(file);
    }

    /** The child of {@link #aFileMuchLargerThanTheHeapIngestsInASmallHeap}: ingests one file with the defaults. */
    public static final class SmallHeapIngest {
        public static void main(String[] args) throws Exception {
            Store store = Store.openOrCreate(Path.of(args[1]), Partitioning.HOUR);
            Ingest.Report report = new Ingest().ingest(List.of(Path.of(args[0])), store, null);
            System.out.println("rows " + report.rows() + ", segments " + report.segments().size() + ", max heap "
                    + Runtime.getRuntime().maxMemory());
        }
    }
}
