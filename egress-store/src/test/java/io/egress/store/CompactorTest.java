package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.data.Table;
import io.egress.store.format.SegmentReader;
import io.egress.store.format.SegmentWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction keeps every row exactly once, whatever point a crash interrupts it at. */
class CompactorTest {
    static final String TABLE = "DeviceProcessEvents";

    @TempDir
    Path dir;

    /** Many small appends (rows out of order) into a store: 3 hours, several segments per hour. */
    private Store smallSegments(Path root) throws Exception {
        Store store = Store.openOrCreate(root, Partitioning.HOUR);
        for (int ingest = 0; ingest < 6; ingest++) {
            StoreWriter writer = new StoreWriter(store, 25);
            List<Object[]> rows = StoreTest.process(StoreTest.T0.plusSeconds(ingest * 7L), 180, 1, "i" + ingest + ".exe");
            Collections.shuffle(rows, new java.util.Random(ingest));
            writer.add(TABLE, StoreTest.PROCESS, rows);
            writer.finish();
        }
        return store;
    }

    private static List<String> rows(Store store) throws Exception {
        StoreRead read = new StoreReader(2).read(store, ReadPlan.all());
        assertThat(read.problems()).isEmpty();
        Table t = read.tables().get(TABLE);
        List<String> out = new ArrayList<>();
        for (Object[] row : t.rows()) {
            out.add(Arrays.deepToString(row));
        }
        out.sort(null);
        return out;
    }

    @Test
    void mergesSmallSegmentsAndKeepsEveryRowOnce() throws Exception {
        Store store = smallSegments(dir.resolve("s"));
        List<String> before = rows(store);
        int segmentsBefore = store.segments(TABLE).size();
        assertThat(before).hasSize(6 * 180);
        assertThat(segmentsBefore).isGreaterThan(40);

        Compactor.Report report = new Compactor(store, 400).compact(List.of());
        List<SegmentFile> after = store.segments(TABLE);
        assertThat(rows(store)).isEqualTo(before);
        assertThat(report.segmentsBefore()).isEqualTo(segmentsBefore);
        assertThat(report.segmentsReplaced()).isEqualTo(segmentsBefore);
        assertThat(report.rowsMoved()).isEqualTo(6 * 180);
        assertThat(after).hasSize(report.segmentsWritten()).hasSizeLessThanOrEqualTo(6); // 1080 rows in 3 hours, 400 per segment
        for (SegmentFile f : after) {
            try (SegmentReader r = SegmentReader.open(f.path())) {
                assertThat(r.header().rowCount()).isLessThanOrEqualTo(400);
                assertThat(r.header().replaces()).isNotEmpty()
                        .allSatisfy(name -> assertThat(f.path().resolveSibling(name)).doesNotExist());
                assertThat(f.name().substring(0, 12)).isEqualTo(r.header().minTime().toString().substring(0, 13)
                        .replace("-", "").replace(":", "") + "Z");
            }
        }
        Compactor.Report again = new Compactor(store, 400).compact(List.of());
        assertThat(again.segmentsWritten()).as("nothing left to merge").isZero();
        assertThat(rows(store)).isEqualTo(before);
    }

    /** A crash after the output was renamed into place but before its inputs were deleted. */
    @Test
    void readersSkipWhatACompactedSegmentReplacesAndTheNextCompactionDeletesIt() throws Exception {
        Store store = smallSegments(dir.resolve("s"));
        List<String> before = rows(store);
        List<SegmentFile> inputs = store.segments(TABLE).subList(0, 3);
        List<Object[]> merged = new ArrayList<>();
        for (SegmentFile f : inputs) {
            try (SegmentReader r = SegmentReader.open(f.path())) {
                merged.addAll(r.readAllRows());
            }
        }
        Path output = inputs.get(0).path().resolveSibling(
                Compactor.partitionOfName(inputs.get(0).name()) + "_20990101T000000000-abcdef_00000.egseg");
        SegmentWriter.write(output, TABLE, StoreTest.PROCESS, merged, "Timestamp",
                inputs.stream().map(SegmentFile::name).toList());
        assertThat(inputs).allSatisfy(f -> assertThat(f.path()).exists());
        assertThat(rows(store)).as("no row twice").isEqualTo(before);

        Compactor.Report report = new Compactor(store, 100_000).compact(List.of(TABLE));
        assertThat(report.leftoversDeleted()).isEqualTo(3);
        assertThat(inputs).allSatisfy(f -> assertThat(f.path()).doesNotExist());
        assertThat(rows(store)).isEqualTo(before);
    }

    @Test
    void oneCompactionAtATime() throws Exception {
        Store store = smallSegments(dir.resolve("s"));
        try (FileChannel channel = FileChannel.open(store.root().resolve(Compactor.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThatThrownBy(() -> new Compactor(store, 400).compact(List.of()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("another compaction is running");
        }
        assertThat(new Compactor(store, 400).compact(List.of()).segmentsWritten()).isPositive();
    }

    /** A crashed writer's temporary file is deleted once it is old; a young one may be an ingest's, running. */
    @Test
    void deletesOnlyAbandonedTemporaryFiles() throws Exception {
        Store store = smallSegments(dir.resolve("s"));
        Path table = store.root().resolve(TABLE);
        Path old = Files.writeString(table.resolve(SegmentWriter.TEMP_PREFIX + "a.egseg-1"), "half a segment");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Compactor.ABANDONED).minusSeconds(60)));
        Path young = Files.writeString(table.resolve(SegmentWriter.TEMP_PREFIX + "b.egseg-2"), "being written");
        Compactor.Report report = new Compactor(store, 400).compact(List.of());
        assertThat(report.tempFilesDeleted()).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(young).exists();
    }

    /** Segments that are already large, or alone in their partition, are left as they are. */
    @Test
    void leavesLargeAndLoneSegments() throws Exception {
        Store store = StoreTest.write(dir.resolve("s"), StoreTest.process(StoreTest.T0, 300, 1, "a.exe")); // 5 hours, one each
        List<SegmentFile> before = store.segments(TABLE);
        Compactor.Report report = new Compactor(store, 400).compact(List.of());
        assertThat(report.segmentsWritten()).isZero();
        assertThat(store.segments(TABLE)).isEqualTo(before);
        assertThat(Files.exists(store.root().resolve(Compactor.LOCK))).isTrue(); // harmless, reused
    }
}
