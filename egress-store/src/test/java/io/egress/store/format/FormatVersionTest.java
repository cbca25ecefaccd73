package io.egress.store.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments of format version 1 (deflate, varint ids) and 2 still read; version 2 writes LZ4, fixed-width
 * ids and term indexes, version 3 also int and long dictionaries.
 */
class FormatVersionTest {
    static final Schema SCHEMA = Schema.parse("Timestamp:datetime, Small:string, Large:string, Dyn:dynamic, N:long, Port:int, Few:long");

    @TempDir
    Path dir;

    private static final Integer[] PORTS = {21, 25, 80, 443, 8080, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};

    static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {i % 97 == 0 ? null : Instant.parse("2026-01-15T00:00:00Z").plusSeconds(i),
                "small-" + (i % 5), i % 11 == 0 ? null : "curl.exe -T file" + i + " ftp://h" + (i % 300),
                null, i % 3 == 0 ? null : (long) i, i % 13 == 0 ? null : PORTS[i % PORTS.length],
                i % 2 == 0 ? Long.MIN_VALUE : (long) (i % 200) - 100});
        }
        return rows;
    }

    @Test
    void everyVersionReadsBackTheSameRows() throws Exception {
        List<Object[]> rows = rows();
        SegmentWriter.write(dir.resolve("v1.egseg"), "T", SCHEMA, rows, "Timestamp", 1);
        SegmentWriter.write(dir.resolve("v2.egseg"), "T", SCHEMA, rows, "Timestamp", 2);
        SegmentWriter.write(dir.resolve("v3.egseg"), "T", SCHEMA, rows, "Timestamp");
        try (SegmentReader v1 = SegmentReader.open(dir.resolve("v1.egseg"));
             SegmentReader v2 = SegmentReader.open(dir.resolve("v2.egseg"));
             SegmentReader v3 = SegmentReader.open(dir.resolve("v3.egseg"))) {
            assertThat(v1.header().version()).isEqualTo(1);
            assertThat(v2.header().version()).isEqualTo(2);
            assertThat(v3.header().version()).isEqualTo(3);
            assertThat(v1.header().blocks()).allSatisfy(b -> {
                assertThat(b.compression()).isEqualTo(SegmentFormat.DEFLATE);
                assertThat(b.encoding()).isEqualTo(Encoding.forType(b.column().type()));
                assertThat(b.nullCount()).isEqualTo(-1);
            });
            List<BlockInfo> blocks = v2.header().blocks();
            assertThat(blocks).allSatisfy(b -> assertThat(b.compression()).isEqualTo(SegmentFormat.LZ4));
            assertThat(blocks.get(1).encoding()).isEqualTo(Encoding.DICTIONARY_FIXED);
            assertThat(blocks.get(2).encoding()).isEqualTo(Encoding.DICTIONARY_TERMS);
            assertThat(blocks.get(5).encoding()).isEqualTo(Encoding.ZIGZAG_VARINT);
            assertThat(blocks.get(0).nullCount()).isEqualTo(11);
            assertThat(blocks.get(2).nullCount()).isEqualTo(91);
            assertThat(blocks.get(3).nullCount()).isEqualTo(1000);
            List<BlockInfo> v3Blocks = v3.header().blocks();
            assertThat(v3Blocks.get(4).encoding()).as("666 distinct longs").isEqualTo(Encoding.DELTA_VARINT);
            assertThat(v3Blocks.get(5).encoding()).isEqualTo(Encoding.DICTIONARY_FIXED);
            assertThat(v3Blocks.get(6).encoding()).isEqualTo(Encoding.DICTIONARY_FIXED);
            List<Object[]> a = v1.readAllRows();
            assertThat(a).hasSize(1000);
            for (SegmentReader later : List.of(v2, v3)) {
                List<Object[]> b = later.readAllRows();
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as("row %d", i).containsExactly(a.get(i));
                    assertThat(b.get(i)).as("row %d", i).containsExactly(rows.get(i)[0], rows.get(i)[1],
                            rows.get(i)[2] == null ? "" : rows.get(i)[2], null, rows.get(i)[4], rows.get(i)[5],
                            rows.get(i)[6]);
                }
            }
        }
    }

    @Test
    void integerDictionaryGivesIdsAndKeptValues() throws Exception {
        List<Object[]> rows = rows();
        boolean[] keep = new boolean[rows.size()];
        for (int i = 0; i < keep.length; i += 5) {
            keep[i] = true;
        }
        SegmentWriter.write(dir.resolve("i.egseg"), "T", SCHEMA, rows, "Timestamp");
        try (SegmentReader reader = SegmentReader.open(dir.resolve("i.egseg"))) {
            Object[] kept = new Object[rows.size()];
            reader.readColumn(5, kept, 0, new StringPool(), keep);
            DictionaryIds ids = new DictionaryIds(rows.size());
            reader.readColumn(5, new Object[rows.size()], 0, new StringPool(), new boolean[rows.size()], ids);
            assertThat(ids.count()).as("8 ports and null").isEqualTo(PORTS.length + 1);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(kept[i]).isEqualTo(keep[i] ? rows.get(i)[5] : null);
                assertThat(ids.value(ids.ids()[i])).isEqualTo(rows.get(i)[5]);
            }
        }
    }

    @Test
    void dictionaryIdsAndKeptRowsAgreeInBothVersions() throws Exception {
        List<Object[]> rows = rows();
        boolean[] keep = new boolean[rows.size()];
        for (int i = 0; i < keep.length; i += 7) {
            keep[i] = true;
        }
        for (int version = 1; version <= 3; version++) {
            Path file = dir.resolve("k" + version + ".egseg");
            SegmentWriter.write(file, "T", SCHEMA, rows, "Timestamp", version);
            try (SegmentReader reader = SegmentReader.open(file)) {
                Object[] kept = new Object[rows.size()];
                reader.readColumn(2, kept, 0, new StringPool(), keep);
                Object[] none = new Object[rows.size()];
                DictionaryIds ids = new DictionaryIds(rows.size());
                reader.readColumn(2, none, 0, new StringPool(), new boolean[rows.size()], ids);
                for (int i = 0; i < rows.size(); i++) {
                    Object expected = rows.get(i)[2] == null ? "" : rows.get(i)[2];
                    if (keep[i]) {
                        assertThat(kept[i]).isEqualTo(expected);
                    } else if (rows.get(i)[2] != null) {
                        assertThat(kept[i]).isNull(); // rows not kept are not decoded
                    }
                    assertThat(ids.value(ids.ids()[i])).isEqualTo(expected);
                    assertThat(ids.ids()[i]).isLessThan(ids.count());
                }
                assertThat(ids.terms() != null).isEqualTo(version >= 2);
            }
        }
    }

    /** Many distinct ports that repeat take a two-byte dictionary; as many distinct ones that do not, a varint. */
    @Test
    void integerBlocksOfRepeatedValuesAreDictionaries() throws Exception {
        Schema schema = Schema.parse("Timestamp:datetime, Repeated:int, Unique:int");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {Instant.parse("2026-01-15T00:00:00Z"), 1024 + (i * 7919) % 400, i});
        }
        SegmentWriter.write(dir.resolve("p.egseg"), "T", schema, rows, "Timestamp");
        try (SegmentReader reader = SegmentReader.open(dir.resolve("p.egseg"))) {
            assertThat(reader.header().blocks().get(1).encoding()).isEqualTo(Encoding.DICTIONARY_FIXED);
            assertThat(reader.header().blocks().get(2).encoding()).isEqualTo(Encoding.ZIGZAG_VARINT);
            List<Object[]> back = reader.readAllRows();
            for (int i = 0; i < rows.size(); i++) {
                assertThat(back.get(i)).containsExactly(rows.get(i));
            }
            DictionaryIds ids = new DictionaryIds(rows.size());
            reader.readColumn(1, new Object[rows.size()], 0, new StringPool(), new boolean[rows.size()], ids);
            assertThat(ids.count()).isEqualTo(400);
        }
    }

    @Test
    void encodingsFitTheirTypesPerVersion() {
        assertThat(Encoding.DICTIONARY_TERMS.fits(ScalarType.STRING, 2)).isTrue();
        assertThat(Encoding.DICTIONARY_TERMS.fits(ScalarType.STRING, 1)).isFalse();
        assertThat(Encoding.DICTIONARY_TERMS.fits(ScalarType.DYNAMIC, 2)).isFalse();
        assertThat(Encoding.DICTIONARY_FIXED.fits(ScalarType.DECIMAL, 2)).isTrue();
        assertThat(Encoding.DICTIONARY_FIXED.fits(ScalarType.LONG, 2)).isFalse();
        assertThat(Encoding.DICTIONARY_FIXED.fits(ScalarType.LONG, 3)).isTrue();
        assertThat(Encoding.DICTIONARY_FIXED.fits(ScalarType.INT, 3)).isTrue();
        assertThat(Encoding.DICTIONARY_TERMS.fits(ScalarType.INT, 3)).isFalse();
        assertThat(Encoding.DICTIONARY_FIXED.fits(ScalarType.REAL, 3)).isFalse();
        assertThat(ColumnCodec.idWidth(254)).isEqualTo(1);
        assertThat(ColumnCodec.idWidth(255)).isEqualTo(2);
        assertThat(ColumnCodec.idWidth(70_000)).isEqualTo(3);
    }
}
