package io.egress.bench.jmh;

import io.egress.bench.gen.DefenderRowGenerator;
import io.egress.bench.gen.GeneratorConfig;
import io.egress.bench.gen.JsonLinesWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Inputs for the micro-benchmarks, taken from the generator (with a high exfiltration share). */
final class SampleLines {
    private SampleLines() {
    }

    static GeneratorConfig config(int rows) {
        return GeneratorConfig.of(rows, 99).withShares(0.05, 0.2);
    }

    /** ProcessCommandLine values of {@code rows} generated process events. */
    static List<String> commandLines(int rows) {
        DefenderRowGenerator generator = new DefenderRowGenerator(config(rows));
        int column = generator.processSchema().indexOf("ProcessCommandLine");
        List<String> out = new ArrayList<>(rows);
        generator.processEvents((row, kind) -> out.add((String) row[column]));
        return out;
    }

    /** {@code rows} generated DeviceProcessEvents rows as JSON lines. */
    static List<String> processJsonLines(int rows) {
        DefenderRowGenerator generator = new DefenderRowGenerator(config(rows));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesWriter writer = new JsonLinesWriter(bytes, generator.processSchema())) {
            generator.processEvents((row, kind) -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
