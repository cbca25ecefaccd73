package io.egress.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Defender JSON lines read through the byte-level fast path give exactly the rows and problems of
 * reading every line as a JSON tree: the fast path may only decline a line, never read it otherwise.
 * The lines mix the values the general path converts (numbers as text, other datetime forms, "-" and
 * "(null)", nested dynamics), key layouts that change from line to line, tables, blanks and line ends.
 */
class DefenderFastPathTest {
    private static final String[] STRINGS = {"\"\"", "\"-\"", "\"(null)\"", "\" x \"", "\"curl -T a ftp://h\"", "\"\u00e9\u65e5\"",
        "\"\\u0041b\"", "\"C:\\\\Windows\\\\x.exe\"", "null", "123", "true", "{\"a\":1}", "\"  \""};
    private static final String[] LONGS = {"123", "-5", "0", "\"123\"", "\"0x1F\"", "1.5", "null", "\"\"", "99999999999999999999",
        "true", "4294967296", "-0"};
    private static final String[] BOOLS = {"true", "false", "\"true\"", "1", "null", "\"no\""};
    private static final String[] DATETIMES = {"\"2026-01-14T17:37:43.0811440Z\"", "\"2026-01-14T17:37:43Z\"",
        "\"2026-01-14 17:37:43\"", "\"2026-01-14T17:37:43+02:00\"", "\"bad\"", "null", "5", "\"2026-01-14t17:37:43.5z\"",
        "\" 2026-01-14T17:37:43Z\"", "\"-\""};
    private static final String[] DYNAMICS = {"\"\"", "\"{\\\"a\\\":1}\"", "\"[1,2]\"", "\"text\"", "{\"a\":[1]}", "null", "\"-\"",
        "\"{broken\"", "[]"};
    private static final String[] TABLES = {"DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents", "DeviceEvents"};

    @Property(tries = 300)
    void fastPathReadsLikeTheTreePath(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int lines) throws IOException {
        byte[] file = export(new Random(seed), lines);
        assertSameLoad(file);
    }

    /** Lines end where BufferedReader.readLine ends them (LF, CRLF or a bare CR), and keep its numbering. */
    @Test
    void linesEndAndAreNumberedAsReadLineDoes() throws IOException {
        String row = "{\"Timestamp\":\"2026-01-14T17:37:43Z\",\"DeviceName\":\"h\",\"ActionType\":\"ProcessCreated\",\"FileName\":\"a\"}";
        String text = row + "\r" + row + "\r\n" + row + "\n" + "not json" + "\r" + row + "\n\n" + "[1]" + "\r\r\n" + row;
        List<Long> badLines = new ArrayList<>();
        int rows = 0;
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.StringReader(text))) {
            long n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.startsWith("{")) {
                    rows++;
                } else if (!line.isBlank()) {
                    badLines.add(n);
                }
            }
        }
        for (boolean fastPath : new boolean[] {true, false}) {
            DefenderExports.Loaded loaded = DefenderExports.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.json", fastPath);
            assertThat(loaded.rows().values().stream().mapToInt(List::size).sum()).isEqualTo(rows);
            assertThat(loaded.problems()).extracting(p -> p.location().line()).isEqualTo(badLines);
        }
    }

    @Test
    void bundledAndSharedDefenderExportsReadTheSame() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of(System.getProperty("egress.repo.root", ".")).resolve("samples"),
                Path.of(System.getProperty("egress.repo.root", ".")).resolve("rules"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).forEach(files::add);
                }
            }
        }
        int compared = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (!DefenderExports.accepts(bytes, Math.min(bytes.length, 1 << 16))) {
                continue;
            }
            assertSameLoad(bytes);
            compared++;
        }
        assertThat(compared).as("Defender exports among the bundled samples and scenarios").isGreaterThan(0);
    }

    private static void assertSameLoad(byte[] file) throws IOException {
        DefenderExports.Loaded fast = DefenderExports.read(new ByteArrayInputStream(file), "f.json", true);
        DefenderExports.Loaded trees = DefenderExports.read(new ByteArrayInputStream(file), "f.json", false);
        assertThat(fast.layout()).isEqualTo(trees.layout());
        assertThat(fast.problems()).isEqualTo(trees.problems());
        assertThat(fast.rows().keySet()).isEqualTo(trees.rows().keySet());
        for (Map.Entry<String, List<Object[]>> e : trees.rows().entrySet()) {
            List<Object[]> got = fast.rows().get(e.getKey());
            assertThat(got).hasSameSizeAs(e.getValue());
            for (int i = 0; i < got.size(); i++) {
                assertThat(Arrays.asList(got.get(i))).as("%s row %d", e.getKey(), i)
                        .isEqualTo(Arrays.asList(e.getValue().get(i)));
            }
        }
    }

    /** An export of {@code lines} lines: runs of one table's layout, with the oddities above mixed in. */
    private static byte[] export(Random r, int lines) {
        StringBuilder out = new StringBuilder();
        if (r.nextInt(10) == 0) {
            out.append('\uFEFF');
        }
        String table = TABLES[r.nextInt(TABLES.length)];
        List<String> keys = keys(r, table);
        for (int n = 0; n < lines; n++) {
            if (r.nextInt(8) == 0) {
                table = TABLES[r.nextInt(TABLES.length)];
                keys = keys(r, table);
            }
            int shape = r.nextInt(40);
            if (shape == 0) {
                out.append("   ");
            } else if (shape == 1) {
                out.append("{\"Timestamp\": \"2026-01-14T17:37:43Z\", broken");
            } else if (shape == 2) {
                out.append("[1, 2]");
            } else {
                boolean odd = r.nextInt(3) == 0; // most lines hold only values the fast path reads
                boolean spaced = r.nextInt(10) == 0; // blanks around separators, on every key of the line
                Schema schema = DefenderSchemas.schema(table).orElseThrow();
                StringBuilder line = new StringBuilder(r.nextInt(20) == 0 ? " {" : "{");
                // now and then a line of the run has only the first keys: it may belong to another table
                int count = r.nextInt(15) == 0 ? 1 + r.nextInt(keys.size()) : keys.size();
                for (int k = 0; k < count; k++) {
                    String key = keys.get(k);
                    if (k > 0) {
                        line.append(spaced ? " , " : ",");
                    }
                    line.append('"').append(key).append(spaced ? "\" : " : "\":");
                    line.append(value(r, schema.find(key).map(c -> c.type().name()).orElse("STRING"), odd));
                }
                line.append(r.nextInt(20) == 0 ? "} " : "}");
                if (r.nextInt(25) == 0) {
                    line.append(" trailing");
                }
                out.append(line);
            }
            int end = r.nextInt(30);
            out.append(end == 0 ? "\r\n" : end == 1 ? "\r" : end == 2 ? "\n\n" : "\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The table's columns in schema order, sometimes with one dropped, one extra, one repeated, a Type, or cut short. */
    private static List<String> keys(Random r, String table) {
        List<String> keys = new ArrayList<>(DefenderSchemas.schema(table).orElseThrow().names());
        switch (r.nextInt(8)) {
            case 0 -> keys.remove(r.nextInt(keys.size()));
            case 1 -> keys.add(r.nextInt(keys.size()), "SomeExtraColumn");
            case 2 -> keys.add(keys.get(r.nextInt(keys.size())));
            case 3 -> keys.add("Type");
            case 4 -> java.util.Collections.swap(keys, 0, keys.size() - 1);
            case 5 -> {
                return new ArrayList<>(keys.subList(0, 1 + r.nextInt(keys.size()))); // a prefix: maybe another table
            }
            default -> { }
        }
        return keys;
    }

    private static String value(Random r, String type, boolean odd) {
        String[] choices = switch (type) {
            case "LONG", "INT" -> LONGS;
            case "BOOL" -> BOOLS;
            case "DATETIME" -> DATETIMES;
            case "DYNAMIC" -> DYNAMICS;
            default -> STRINGS;
        };
        int plain = switch (type) {
            case "LONG", "INT" -> 3;
            case "BOOL" -> 2;
            case "DATETIME" -> 2;
            case "DYNAMIC" -> 4;
            default -> 8;
        };
        if (type.equals("STRING") && r.nextInt(5) == 0) {
            return "\"" + "abcdefgh".substring(r.nextInt(8)) + r.nextInt(1000) + "\"";
        }
        return choices[odd ? r.nextInt(choices.length) : r.nextInt(plain)];
    }
}
