package io.egress.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.ValueFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming reader against {@link AdvancedHuntingReader}, the reference: same rows, values and
 * problems (file:line), whatever the split into ranges and threads; then projection and filtering.
 */
class ExportScannerTest {
    private static final Schema SCHEMA = Schema.parse("Timestamp:datetime, DeviceName:string, RemotePort:int,"
            + " Bytes:long, AdditionalFields:dynamic, Flag:bool, Score:real, Id:guid, Note:string");
    private static final Set<String> ALL = new LinkedHashSet<>(SCHEMA.names());

    @TempDir
    Path dir;

    /** Lines that exercise every conversion path, and the malformed ones the reference reports. */
    private static final List<String> ODD_LINES = List.of(
            "{\"Timestamp\":\"2026-01-15T11:00:00.1234567Z\",\"DeviceName\":\"ws1\",\"RemotePort\":80,\"Bytes\":5}",
            "{\"Timestamp\":\"2026-01-15 11:00:00\",\"DeviceName\":\"ws2\",\"RemotePort\":\"443\",\"Bytes\":\"12\"}",
            "{\"Timestamp\":\"2026-01-15T11:00:00+02:00\",\"DeviceName\":7,\"Score\":1.50,\"Flag\":1}",
            "{\"Timestamp\":\"2026-02-30T11:00:00Z\",\"RemotePort\":\"http\",\"Bytes\":1.0,\"Flag\":\"maybe\"}",
            "{\"Timestamp\":null,\"AdditionalFields\":{\"a\":[1,2,{\"b\":\"c\"}]},\"Note\":{\"x\":1}}",
            "{\"AdditionalFields\":\"{\\\"k\\\":\\\"v\\\"}\",\"Id\":\"6f1c0d3e-2f7a-4a7b-9a53-1b2c3d4e5f60\"}",
            "{\"Id\":\"not-a-guid\",\"Unknown\":{\"deep\":[[[]]]},\"DeviceName\":\"caf\\u00e9 \\\"q\\\"\"}",
            "   {\"DeviceName\":\"padded\"}   ",
            "",
            "{\"DeviceName\":\"crlf\"}\r",
            "{\"DeviceName\": \"unterminated",
            "[1,2,3]",
            "\"just a string\"",
            "{\"DeviceName\":\"dup\",\"DeviceName\":\"last wins\"}",
            "{\"RemotePort\":99999999999,\"Bytes\":99999999999999999999}",
            "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"Score\":\"NaN\",\"Flag\":true}",
            "{\"Timestamp\":\"2026-01-15t23:59:59.9z\",\"Note\":\"\u00fcber \u2603\"}");

    @Test
    void sameRowsAndProblemsAsTheReference() throws IOException {
        Path file = write("odd.jsonl", String.join("\n", ODD_LINES) + "\n");
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        for (int threads : new int[] {1, 3}) {
            for (long split : new long[] {Long.MAX_VALUE, 1, 64, 200}) {
                ScanResult scan = ExportScanner.scan(file, SCHEMA, ALL, null, threads, split);
                assertThat(render(scan.table())).as("threads %d split %d", threads, split)
                        .isEqualTo(render(reference.table()));
                assertThat(problems(scan.problems())).as("threads %d split %d", threads, split)
                        .containsExactlyElementsOf(problems(reference.problems()));
                assertThat(scan.format()).isEqualTo(ExportFormat.JSON_LINES);
            }
        }
        assertThat(reference.problems()).hasSizeGreaterThan(5);
    }

    @Test
    void manyGeneratedLinesSplitAnywhere() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 2000; i++) {
            if (random.nextInt(50) == 0) {
                text.append(ODD_LINES.get(random.nextInt(ODD_LINES.size())));
            } else {
                text.append(String.format("{\"Timestamp\":\"2026-01-%02dT%02d:%02d:00.%07dZ\",\"DeviceName\":\"dev%d\","
                                + "\"RemotePort\":%d,\"Bytes\":%d,\"AdditionalFields\":{\"n\":%d},\"Flag\":%b,"
                                + "\"Score\":%s,\"Note\":\"%s\"}", 1 + random.nextInt(28), random.nextInt(24),
                        random.nextInt(60), random.nextInt(10_000_000), random.nextInt(40), random.nextInt(65536),
                        random.nextLong(), i, random.nextBoolean(), random.nextDouble(), "x".repeat(random.nextInt(300))));
            }
            text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        Path file = write("many.jsonl", text.toString());
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        for (long split : new long[] {1 << 10, 1 << 14, 100_003}) {
            ScanResult scan = ExportScanner.scan(file, SCHEMA, ALL, null, 4, split);
            assertThat(render(scan.table())).isEqualTo(render(reference.table()));
            assertThat(problems(scan.problems())).containsExactlyElementsOf(problems(reference.problems()));
            assertThat(scan.rowsRead()).isEqualTo(reference.table().rowCount());
        }
    }

    /** Lines across the reader's 1 MB buffer refills, and one line longer than the buffer. */
    @Test
    void linesAcrossBufferRefills() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int size = i == 1500 ? 1_500_000 : random.nextInt(2000);
            text.append("{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceName\":\"dev").append(i)
                    .append("\",\"Bytes\":").append(i).append(",\"Note\":\"").append("z".repeat(size)).append("\"}")
                    .append(random.nextInt(5) == 0 ? " \r\n" : "\n");
        }
        Path file = write("big.jsonl", text.toString());
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        for (Set<String> columns : List.of(ALL, Set.of("DeviceName", "Bytes"))) {
            ScanResult scan = ExportScanner.scan(file, SCHEMA, columns, null, 2, 1 << 20);
            assertThat(render(scan.table())).isEqualTo(render(project(reference.table(), columns)));
            assertThat(scan.problems()).isEmpty();
        }
        assertThat(reference.table().rowCount()).isEqualTo(3000);
    }

    /**
     * {@link ExportScanner#stream}: the same rows in the same order and the same problems (with their line
     * numbers) as the reference, handed over in batches of at most one range each, for any range size.
     */
    @Test
    void streamGivesTheReferenceRowsInBatchesInFileOrder() throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 3000; i++) {
            if (random.nextInt(40) == 0) {
                text.append(ODD_LINES.get(random.nextInt(ODD_LINES.size())));
            } else {
                text.append(String.format("{\"Timestamp\":\"2026-01-%02dT%02d:00:00Z\",\"DeviceName\":\"dev%d\","
                        + "\"Bytes\":%d,\"Note\":\"%s\"}", 1 + random.nextInt(28), random.nextInt(24), i, i,
                        "y".repeat(random.nextInt(200))));
            }
            text.append('\n');
        }
        Path file = write("stream.jsonl", text.toString());
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        long size = Files.size(file);
        for (int threads : new int[] {1, 2, 4}) {
            for (long range : new long[] {1 << 10, 50_001, Long.MAX_VALUE / 4}) {
                List<Object[]> rows = new ArrayList<>();
                List<Integer> batches = new ArrayList<>();
                ExportScanner.StreamResult result = ExportScanner.stream(file, SCHEMA, ALL, null, threads, range, batch -> {
                    batches.add(batch.size());
                    rows.addAll(batch);
                });
                String as = "threads " + threads + " range " + range;
                assertThat(render(Table.of(SCHEMA, rows))).as(as).isEqualTo(render(reference.table()));
                assertThat(problems(result.problems())).as(as).containsExactlyElementsOf(problems(reference.problems()));
                assertThat(result.rowsKept()).isEqualTo(rows.size());
                assertThat(result.rowsRead()).isEqualTo(reference.table().rowCount());
                assertThat(batches.size()).as(as).isGreaterThanOrEqualTo((int) Math.min(size / range, 1000));
                // a range of 1 KB holds at most a few hundred-byte lines, never the file
                if (range == 1 << 10) {
                    assertThat(batches).as(as).allMatch(n -> n <= 40);
                }
            }
        }
    }

    /** Random values of every JSON shape, valid and not, in wanted and skipped keys: same as the reference. */
    @Test
    void fuzzedValuesDecodeAsTheReferenceDoes() throws IOException {
        String[] strings = {"\"plain\"", "\"C:\\\\Windows\\\\x.exe \\\"q\\\"\"", "\"tab\\there\\u00e9\\ud83d\\ude00\"",
            "\"\u00e9t\u00e9 \u2603 \ud83d\ude00\"", "\"bad \\q escape\"", "\"raw \t control\"", "\"\"", "\"\\/\\b\\f\\n\\r\"",
            "\"2026-01-15T11:00:00.1234567Z\"", "\"2026-13-15T11:00:00Z\"", "\"443\"", "\"true\"", "\"{\\\"a\\\":1}\""};
        String[] others = {"0", "-0", "12", "-12", "007", "1.", "1.5", "-1e5", "2E+3", "99999999999", "123456789012345678901",
            "true", "false", "null", "nul", "truex", "{}", "[]", "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "[1,,2]",
            "{\"a\" 1}", "[\"x\",{\"y\":[[]]}]", "12x", "+1", ".5", "NaN"};
        String[] keys = {"Timestamp", "DeviceName", "RemotePort", "Bytes", "AdditionalFields", "Flag", "Score", "Id",
            "Note", "Skipped", "Other\\u0041", "caf\u00e9"};
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            text.append('{');
            int fields = random.nextInt(8);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    text.append(random.nextInt(10) == 0 ? " , " : ",");
                }
                text.append('"').append(keys[random.nextInt(keys.length)]).append('"')
                        .append(random.nextInt(10) == 0 ? " : " : ":");
                text.append(random.nextBoolean() ? strings[random.nextInt(strings.length)]
                        : others[random.nextInt(others.length)]);
            }
            text.append(random.nextInt(20) == 0 ? "" : "}").append('\n');
        }
        Path file = write("fuzz.jsonl", text.toString());
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        ScanResult scan = ExportScanner.scan(file, SCHEMA, ALL, null, 2, 4096);
        assertThat(render(scan.table())).isEqualTo(render(reference.table()));
        assertThat(problems(scan.problems())).containsExactlyElementsOf(problems(reference.problems()));
        assertThat(reference.table().rowCount()).isGreaterThan(100);
        ScanResult some = ExportScanner.scan(file, SCHEMA, Set.of("DeviceName", "Bytes", "Timestamp"), null, 2, 4096);
        assertThat(some.rowsRead()).isEqualTo(reference.table().rowCount());
    }

    /**
     * The key-order prediction (each line's keys guessed from the line before) against the reference, on
     * lines that break the guess in every way: other orders, keys that are a prefix of the guessed one, have
     * it as a prefix or differ from it in one byte, keys missing, added, repeated, escaped or non-ASCII, and
     * lines cut in a key.
     */
    @Test
    void keysThatDoNotFollowThePreviousLineAreStillMatched() throws IOException {
        String usual = "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceName\":\"ws1\",\"RemotePort\":80,"
                + "\"Bytes\":5,\"Flag\":true,\"Note\":\"n\"}";
        List<String> lines = List.of(usual, usual,
                "{\"DeviceName\":\"reordered\",\"Timestamp\":\"2026-01-15T12:00:00Z\",\"Bytes\":6,\"RemotePort\":81,"
                        + "\"Note\":\"n\",\"Flag\":false}",
                usual,
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"Device\":\"prefix\",\"RemotePort\":80}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceNameX\":\"longer\",\"RemotePort\":\"x\"}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceName\":\"back\",\"RemotePort\":80}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceNamE\":\"one byte off\",\"RemotePart\":80}",
                "{\"Timestamp\":\"bad time\",\"RemotePort\":80,\"Flag\":\"maybe\"}",
                "{\"Extra\":1,\"Timestamp\":\"2026-01-15T11:00:00Z\",\"More\":[1],\"DeviceName\":\"extra\",\"Bytes\":7}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceName\":\"first\",\"DeviceName\":\"dup\",\"Bytes\":7,"
                        + "\"Bytes\":\"x\",\"Bytes\":8}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"Device\\u004eame\":\"escaped\",\"RemotePort\":80}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceNam\u00e9\":\"accent\",\"RemotePort\":80}",
                "{\"Timestamp\" : \"2026-01-15T11:00:00Z\" , \"DeviceName\":\"spaced\"}",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceNa",
                "{\"Timestamp\":\"2026-01-15T11:00:00Z\",\"DeviceName\"",
                "{}",
                usual + " \t \r", usual + " tail", usual + usual,
                usual, usual);
        Path file = write("keys.jsonl", String.join("\n", lines) + "\n");
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        for (Set<String> columns : List.of(ALL, Set.of("DeviceName", "Bytes"), Set.of("Note"))) {
            ScanResult scan = ExportScanner.scan(file, SCHEMA, columns, null, 1);
            assertThat(problems(scan.problems())).containsExactlyElementsOf(problems(reference.problems()));
            assertThat(render(scan.table())).isEqualTo(render(project(reference.table(), columns)));
        }
        assertThat(reference.problems()).hasSizeGreaterThan(4);
    }

    /** Lines of more keys than the prediction grows to or holds, the wanted ones last. */
    @Test
    void linesOfManyKeys() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 4; line++) {
            text.append('{');
            for (int k = 0; k < 1500; k++) {
                text.append("\"k").append(line == 2 && k == 700 ? "x" : "").append(k).append("\":").append(k).append(',');
            }
            text.append("\"Bytes\":").append(line).append(",\"DeviceName\":\"d").append(line).append("\"}\n");
        }
        Path file = write("wide.jsonl", text.toString());
        ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
        ScanResult scan = ExportScanner.scan(file, SCHEMA, Set.of("DeviceName", "Bytes"), null, 1);
        assertThat(render(scan.table())).isEqualTo(render(project(reference.table(), Set.of("DeviceName", "Bytes"))))
                .containsExactly("d0 | 0", "d1 | 1", "d2 | 2", "d3 | 3");
    }

    /** Typed columns that are only checked are validated but never put in the rows the filter sees. */
    @Test
    void theFilterSeesNullsInTheColumnsNotAskedFor() throws IOException {
        Path file = write("odd.jsonl", String.join("\n", ODD_LINES));
        int device = SCHEMA.indexOf("DeviceName");
        List<String> seen = new ArrayList<>();
        Predicate<Object[]> test = row -> {
            for (int i = 0; i < row.length; i++) {
                if (i != device && !java.util.Objects.equals(row[i], ValueConverter.nullOf(SCHEMA.column(i).type()))) {
                    seen.add(SCHEMA.column(i).name() + "=" + row[i]);
                }
            }
            return true;
        };
        ScanResult scan = ExportScanner.scan(file, SCHEMA, Set.of("DeviceName"), () -> test, 1);
        assertThat(seen).isEmpty();
        assertThat(problems(scan.problems()))
                .containsExactlyElementsOf(problems(AdvancedHuntingReader.read(file, SCHEMA).problems()));
    }

    /**
     * String columns the filter does not read are made only for the rows it keeps: the filter sees them
     * empty, the kept rows hold exactly what a read without deferral gives (escapes, non-ASCII text, null,
     * repeated keys, lines that go through Jackson), and the problems are the same.
     */
    @Test
    void columnsTheFilterDoesNotReadAreMadeForKeptRowsOnly() throws IOException {
        List<String> lines = new ArrayList<>(ODD_LINES);
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            String note = switch (random.nextInt(5)) {
                case 0 -> "null";
                case 1 -> "\"C:\\\\Windows\\\\x" + i + ".exe\"";
                case 2 -> "\"caf\u00e9 " + i + "\"";
                case 3 -> "\"t\\u00e9st\"";
                default -> "\"n" + (i % 7) + "\"";
            };
            lines.add("{\"DeviceName\":\"d" + (i % 5) + "\",\"Note\":" + note
                    + (i % 11 == 0 ? ",\"Note\":\"again " + i + "\"" : "") + ",\"Bytes\":" + i + "}");
        }
        Path file = write("deferred.jsonl", String.join("\n", lines) + "\n");
        int device = SCHEMA.indexOf("DeviceName");
        int note = SCHEMA.indexOf("Note");
        List<Object> notesSeen = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.function.Supplier<Predicate<Object[]>> filter = () -> row -> {
            notesSeen.add(row[note]);
            return "d1".equals(row[device]) || "padded".equals(row[device]);
        };
        Set<String> columns = Set.of("DeviceName", "Note", "Bytes");
        for (int threads : new int[] {1, 3}) {
            notesSeen.clear();
            ScanResult deferred = ExportScanner.scan(file, SCHEMA, columns, Set.of("DeviceName"), filter, threads, 4096);
            // (only lines the fast path leaves to Jackson, such as an object for a string, are read whole)
            assertThat(notesSeen.stream().filter(v -> !"".equals(v)))
                    .as("the filter sees a deferred value only on lines read by Jackson").containsExactly("{\"x\":1}");
            ScanResult whole = ExportScanner.scan(file, SCHEMA, columns, null, filter, threads, 4096);
            assertThat(render(deferred.table())).hasSizeGreaterThan(500).isEqualTo(render(whole.table()));
            assertThat(problems(deferred.problems())).isEqualTo(problems(whole.problems()));
        }
    }

    @Test
    void invalidUtf8IsAProblemOfItsLineOnly() throws IOException {
        byte[] bad = "{\"DeviceName\":\"a\", \"Note\":\"x\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"DeviceName\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, java.nio.ByteBuffer.allocate(bad.length + 2 * good.length).put(good).put(bad).put(good).array());
        ScanResult scan = ExportScanner.scan(file, SCHEMA, Set.of("DeviceName"), null, 1);
        assertThat(render(scan.table())).containsExactly("b", "b");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("not a JSON object");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            DeviceName                 => DeviceName
            Bytes, DeviceName          => DeviceName, Bytes
            ''                         => ''
            Nope, Timestamp            => Timestamp
            """)
    void keepsOnlyTheColumnsAskedFor(String asked, String expected) throws IOException {
        Path file = write("odd.jsonl", String.join("\n", ODD_LINES));
        Set<String> columns = new LinkedHashSet<>();
        for (String c : asked.split(",")) {
            if (!c.isBlank()) {
                columns.add(c.strip());
            }
        }
        ScanResult scan = ExportScanner.scan(file, SCHEMA, columns, null, 2, 64);
        assertThat(String.join(", ", scan.table().schema().names())).isEqualTo(expected);
        ReadResult whole = AdvancedHuntingReader.read(file, SCHEMA);
        Table reference = whole.table();
        assertThat(scan.table().rowCount()).isEqualTo(reference.rowCount());
        // typed columns are checked even when not read, so the problems are the reference's
        assertThat(problems(scan.problems())).containsExactlyElementsOf(problems(whole.problems()));
        for (int c = 0; c < scan.table().schema().size(); c++) {
            int from = SCHEMA.indexOf(scan.table().schema().column(c).name());
            for (int r = 0; r < reference.rowCount(); r++) {
                assertThat(ValueFormat.toKqlString(scan.table().value(r, c)))
                        .isEqualTo(ValueFormat.toKqlString(reference.value(r, from)));
            }
        }
    }

    @Test
    void keepsOnlyTheRowsTheFilterAccepts() throws IOException {
        Path file = write("odd.jsonl", String.join("\n", ODD_LINES));
        int port = SCHEMA.indexOf("RemotePort");
        int device = SCHEMA.indexOf("DeviceName");
        Predicate<Object[]> test = row -> row[port] != null || row[device].toString().startsWith("p");
        ScanResult scan = ExportScanner.scan(file, SCHEMA, Set.of("RemotePort", "DeviceName"), () -> test, 2, 64);
        assertThat(render(scan.table())).containsExactly("ws1 | 80", "ws2 | 443", "padded | ");
        assertThat(scan.rowsRead()).isEqualTo(AdvancedHuntingReader.read(file, SCHEMA).table().rowCount());
    }

    @Test
    void otherLayoutsGoThroughTheReference() throws IOException {
        Path csv = write("export.csv", "Timestamp,DeviceName,RemotePort\n2026-01-15T11:00:00Z,ws1,80\nx,ws2,bad\n");
        ScanResult scan = ExportScanner.scan(csv, SCHEMA, Set.of("DeviceName", "RemotePort"),
                () -> row -> !"ws9".equals(row[1]), 2);
        assertThat(scan.format()).isEqualTo(ExportFormat.CSV);
        assertThat(render(scan.table())).containsExactly("ws1 | 80", "ws2 | ");
        assertThat(scan.problems()).containsExactlyElementsOf(AdvancedHuntingReader.read(csv, SCHEMA).problems());
        Path array = write("export.json", "[{\"DeviceName\":\"a\"},\n {\"DeviceName\":\"b\"}]");
        assertThat(render(ExportScanner.scan(array, SCHEMA, Set.of("DeviceName"), null, 2).table()))
                .containsExactly("a", "b");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Problems as file:line and reason; Jackson's byte parser words some syntax errors differently from
     * the reference's char parser, so only their kind is compared.
     */
    static List<String> problems(List<ReadProblem> problems) {
        return problems.stream().map(p -> p.source() + ":" + p.line() + ": "
                + (p.reason().startsWith("not a JSON object") ? "not a JSON object" : p.reason())).toList();
    }

    /** The reference's rows cut to {@code columns}, as {@link ExportScanner} returns them. */
    static Table project(Table table, Set<String> columns) {
        Schema out = ExportScanner.output(table.schema(), columns);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            rows.add(out.names().stream().map(name -> row[table.schema().indexOf(name)]).toArray());
        }
        return Table.of(out, rows);
    }

    static List<String> render(Table table) {
        List<String> out = new ArrayList<>();
        for (Object[] row : table.rows()) {
            out.add(Arrays.stream(row).map(ValueFormat::toKqlString).collect(Collectors.joining(" | ")));
        }
        return out;
    }
}
