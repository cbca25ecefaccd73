package io.egress.data.io;

import static io.egress.data.io.ExportScannerTest.problems;
import static io.egress.data.io.ExportScannerTest.project;
import static io.egress.data.io.ExportScannerTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast reader guesses each line's keys from the line before; files whose lines mostly repeat one
 * key order, with keys swapped, dropped, added or repeated here and there, read exactly as the reference
 * (Jackson) reads them, for every set of columns asked for.
 */
class KeyOrderPropertiesTest {
    private static final Schema SCHEMA = Schema.parse("Timestamp:datetime, DeviceName:string, RemotePort:int,"
            + " Bytes:long, Flag:bool, Score:real, Note:string");
    /**
     * Column names; keys that are a prefix of one, have one as a prefix or differ from one in a single
     * byte; an escaped and a non-ASCII spelling; unknown keys.
     */
    private static final List<String> KEYS = List.of("Timestamp", "DeviceName", "RemotePort", "Bytes", "Flag", "Score",
            "Note", "Device", "DeviceNameX", "Byte", "BytesOut", "DeviceNamE", "RemotePart", "Flog", "Device\\u004eame",
            "Not\u00e9", "Skipped", "");
    private static final List<String> VALUES = List.of("\"2026-01-15T11:00:00Z\"",
            "\"2026-01-15T11:00:00.1234567Z\"", "\"2026-02-30T11:00:00Z\"", "\"2026-01-15 11:00:00\"", "\"text\"",
            "\"\"", "\"esc\\\"aped\\u00e9\"", "\"C:\\\\Program Files (x86)\\\\Contoso\\\\x.exe \\\"q\\\" \\t\\/\\b\\f\\n\\r\"",
            "\"caf\u00e9\\\\\"", "12", "-7", "0", "99999999999", "1.5", "-2e3", "true", "false", "null",
            "{\"a\":[1,{}]}", "[]", "\"443\"");

    /** Mostly the exports' bare colon; sometimes blanks around it (the prediction then holds the key alone). */
    private static final List<String> COLONS = List.of(":", ":", ":", ":", " :", ": ", " : ", "\t:\t");

    @Property(tries = 300)
    void linesWithShiftingKeyOrdersReadAsTheReference(@ForAll("files") List<List<String>> lines, @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (List<String> keys : lines) {
            text.append('{');
            for (int i = 0; i < keys.size(); i++) {
                text.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append('"')
                        .append(COLONS.get(random.nextInt(COLONS.size())))
                        .append(VALUES.get(random.nextInt(VALUES.size())));
            }
            text.append("}\n");
        }
        Path file = Files.createTempFile("egress-keys", ".jsonl");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            ReadResult reference = AdvancedHuntingReader.read(file, SCHEMA);
            for (Set<String> columns : List.of(new LinkedHashSet<>(SCHEMA.names()), Set.of("DeviceName", "Bytes"))) {
                ScanResult scan = ExportScanner.scan(file, SCHEMA, columns, null, 1);
                assertThat(render(scan.table())).isEqualTo(render(project(reference.table(), columns)));
                assertThat(problems(scan.problems())).containsExactlyElementsOf(problems(reference.problems()));
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Lines of keys: one order, each line changed from it in at most one way. */
    @Provide
    Arbitrary<List<List<String>>> files() {
        Arbitrary<List<String>> order = Arbitraries.of(KEYS).list().ofMaxSize(10);
        return order.flatMap(base -> Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 10), Arbitraries.of(KEYS))
                .as((change, i, j, key) -> changed(base, change, i, j, key))
                .list().ofMinSize(1).ofMaxSize(30));
    }

    private static List<String> changed(List<String> base, int change, int i, int j, String key) {
        List<String> keys = new ArrayList<>(base);
        int n = keys.size();
        switch (change) {
            case 2 -> {
                if (n > 0) {
                    keys.set(i % n, keys.set(j % n, keys.get(i % n))); // swap two keys
                }
            }
            case 3 -> {
                if (n > 0) {
                    keys.remove(i % n);
                }
            }
            case 4 -> keys.add(Math.min(i, n), key);
            case 5 -> {
                if (n > 0) {
                    keys.add(Math.min(i, n), keys.get(j % n)); // a repeated key
                }
            }
            default -> {
                // the order as it is, the common case
            }
        }
        return keys;
    }
}
