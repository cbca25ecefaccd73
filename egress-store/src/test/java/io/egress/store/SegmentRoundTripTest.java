package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.egress.data.Schema;
import io.egress.store.format.CorruptSegmentException;
import io.egress.store.format.SegmentHeader;
import io.egress.store.format.SegmentReader;
import io.egress.store.format.SegmentWriter;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentRoundTripTest {
    static final Schema ALL_TYPES = Schema.parse("Timestamp:datetime, B:bool, I:int, L:long, R:real, D:decimal,"
            + " S:string, Span:timespan, G:guid, Dyn:dynamic, AllNull:long");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Object[]> rows() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {Instant.parse("2026-01-15T10:00:00.1234567Z"), true, 42, 9_000_000_000L, 1.5,
                new BigDecimal("123.4500"), "curl.exe -T x ftp://h", Duration.ofMillis(1500),
                UUID.fromString("0b8a8f3e-1d2c-4a5b-9c7d-112233445566"), JSON.readTree("{\"a\":[1,2,{\"b\":null}]}"), null});
        rows.add(new Object[] {null, null, null, null, null, null, "", null, null, null, null});
        rows.add(new Object[] {Instant.parse("1969-12-31T23:59:59.999999999Z"), false, Integer.MIN_VALUE, Long.MIN_VALUE,
                Double.NaN, new BigDecimal("-1E+5"), "Ünïcødé 日本語 🚀 \u0000 nul", Duration.ofSeconds(-3, 5),
                new UUID(-1L, 0L), TextNode.valueOf("plain"), null});
        rows.add(new Object[] {Instant.parse("2026-01-15T09:59:59Z"), true, Integer.MAX_VALUE, Long.MAX_VALUE,
                Double.NEGATIVE_INFINITY, BigDecimal.ZERO, "curl.exe -T x ftp://h", Duration.ZERO, new UUID(0L, 0L),
                NullNode.instance, null});
        rows.add(new Object[] {Instant.parse("0001-01-01T00:00:00Z"), false, 0, 0L, -0.0, new BigDecimal("1e-30"),
                "Ünïcødé 日本語 🚀 \u0000 nul", Duration.ofDays(10_000), UUID.randomUUID(), JSON.readTree("[1.25, \"x\", true]"), null});
        return rows;
    }

    @Test
    void everyTypeRoundTripsWithNulls() throws Exception {
        List<Object[]> rows = rows();
        Path file = dir.resolve("seg.egseg");
        SegmentHeader written = SegmentWriter.write(file, "T", ALL_TYPES, rows, "Timestamp");
        try (SegmentReader reader = SegmentReader.open(file)) {
            SegmentHeader h = reader.header();
            assertThat(h.table()).isEqualTo("T");
            assertThat(h.schema()).isEqualTo(ALL_TYPES);
            assertThat(h.rowCount()).isEqualTo(5);
            assertThat(h.minTime()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
            assertThat(h.maxTime()).isEqualTo(Instant.parse("2026-01-15T10:00:00.1234567Z"));
            assertThat(h.blocks()).isEqualTo(written.blocks());
            List<Object[]> back = reader.readAllRows();
            assertThat(back).hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < ALL_TYPES.size(); c++) {
                    Object want = rows.get(r)[c];
                    Object got = back.get(r)[c];
                    String where = "row " + r + " column " + ALL_TYPES.column(c);
                    if (want instanceof Double d && d.isNaN()) {
                        assertThat((Double) got).as(where).isNaN();
                    } else if (want instanceof Double d) {
                        assertThat(Double.doubleToRawLongBits((Double) got)).as(where).isEqualTo(Double.doubleToRawLongBits(d));
                    } else if (want instanceof com.fasterxml.jackson.databind.JsonNode node) {
                        assertThat(got.toString()).as(where).isEqualTo(node.toString());
                        assertThat(((com.fasterxml.jackson.databind.JsonNode) got).getNodeType()).isEqualTo(node.getNodeType());
                    } else {
                        assertThat(got).as(where).isEqualTo(want);
                    }
                }
            }
            // equal strings decode to one instance (the dictionary entry)
            assertThat(back.get(0)[6]).isSameAs(back.get(3)[6]);
            assertThat(back.get(2)[6]).isSameAs(back.get(4)[6]);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("seg.egseg");
    }

    @Test
    void keptRowsOnlyDecodeTheirValues() throws Exception {
        List<Object[]> rows = rows();
        Path file = dir.resolve("keep.egseg");
        SegmentWriter.write(file, "T", ALL_TYPES, rows, "Timestamp");
        boolean[] keep = {false, true, false, false, true};
        try (SegmentReader reader = SegmentReader.open(file)) {
            int s = ALL_TYPES.indexOf("S");
            Object[] values = new Object[rows.size()];
            reader.readColumn(s, values, 0, new io.egress.store.format.StringPool(), keep);
            assertThat(values).containsExactly(null, "", null, null, rows.get(4)[s]);
            int l = ALL_TYPES.indexOf("L");
            reader.readColumn(l, values, 0, new io.egress.store.format.StringPool(), keep);
            assertThat(values[1]).isNull(); // a null long stays null
            assertThat(values[4]).isEqualTo(0L);
        }
    }

    @Test
    void emptyTableRoundTrips() throws Exception {
        Path file = dir.resolve("empty.egseg");
        SegmentWriter.write(file, "Empty", ALL_TYPES, List.of(), "Timestamp");
        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThat(reader.header().rowCount()).isZero();
            assertThat(reader.header().hasTimeRange()).isFalse();
            assertThat(reader.readAllRows()).isEmpty();
        }
    }

    @Test
    void manyRowsWithRepeatsAndDeltas() throws Exception {
        Schema schema = Schema.parse("Timestamp:datetime, Name:string, N:long");
        List<Object[]> rows = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 50_000; i++) {
            rows.add(new Object[] {t.plusMillis(i * 37L), "name-" + (i % 97), (long) (i * 31 % 1000) - 500});
        }
        Path file = dir.resolve("big.egseg");
        SegmentWriter.write(file, "Big", schema, rows, "Timestamp");
        assertThat(Files.size(file)).isLessThan(50_000L * 4);
        try (SegmentReader reader = SegmentReader.open(file)) {
            List<Object[]> back = reader.readAllRows();
            for (int i = 0; i < rows.size(); i++) {
                assertThat(back.get(i)).as("row " + i).isEqualTo(rows.get(i));
            }
        }
    }

    @Test
    void neverOverwritesASegment() throws Exception {
        Path file = dir.resolve("x.egseg");
        SegmentWriter.write(file, "T", ALL_TYPES, rows(), "Timestamp");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> SegmentWriter.write(file, "T", ALL_TYPES, List.of(), "Timestamp"))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Arrays.equals(before, Files.readAllBytes(file))).isTrue();
    }

    @Test
    void everyFlippedByteIsDetectedOrHarmless() throws Exception {
        Path file = dir.resolve("flip.egseg");
        SegmentWriter.write(file, "T", ALL_TYPES, rows(), "Timestamp");
        byte[] good = Files.readAllBytes(file);
        List<Object[]> expected;
        try (SegmentReader reader = SegmentReader.open(file)) {
            expected = reader.readAllRows();
        }
        Path bad = dir.resolve("bad.egseg");
        int detected = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] copy = good.clone();
            copy[i] ^= 0x5A;
            Files.write(bad, copy);
            try (SegmentReader reader = SegmentReader.open(bad)) {
                List<Object[]> back = reader.readAllRows();
                // a flip that is not detected must not change any value
                assertThat(back.size()).as("byte " + i).isEqualTo(expected.size());
            } catch (CorruptSegmentException e) {
                assertThat(e.getMessage()).isNotBlank();
                detected++;
            }
        }
        assertThat(detected).isEqualTo(good.length);
    }

    @Test
    void truncatedAndForeignFilesAreCorrupt() throws Exception {
        Path file = dir.resolve("t.egseg");
        SegmentWriter.write(file, "T", ALL_TYPES, rows(), "Timestamp");
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {0, 7, 20, good.length / 2, good.length - 1}) {
            Path cut = dir.resolve("cut" + length + ".egseg");
            Files.write(cut, Arrays.copyOf(good, length));
            assertThatThrownBy(() -> {
                try (SegmentReader reader = SegmentReader.open(cut)) {
                    reader.readAllRows();
                }
            }).as("length " + length).isInstanceOf(CorruptSegmentException.class);
        }
        Path text = dir.resolve("text.egseg");
        Files.writeString(text, "{\"not\": \"a segment\"}\n");
        assertThatThrownBy(() -> SegmentReader.open(text)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("not a segment");
    }
}
