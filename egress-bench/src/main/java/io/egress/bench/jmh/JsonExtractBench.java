package io.egress.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.bench.gen.DefenderRowGenerator;
import io.egress.data.DefenderSchemas;
import io.egress.data.io.AdvancedHuntingReader;
import io.egress.data.io.ExportScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Getting the three columns the seed's process branches need (Timestamp, FileName,
 * ProcessCommandLine) out of 1,000 generated DeviceProcessEvents JSON lines: Jackson streaming
 * (skip everything else) vs Jackson tree per line vs Egress's AdvancedHuntingReader (every column,
 * converted). Score: time for all 1,000 lines. {@link #exportScanner} is the reader {@code egress query}
 * uses (ExportScanner on one thread, the seed query's process columns) over the same lines in a file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonExtractBench {
    private final JsonFactory factory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper();
    private List<String> lines;
    private String text;
    private Path file;

    /** The DeviceProcessEvents columns the seed query reads. */
    private static final Set<String> SEED_COLUMNS = Set.of("Timestamp", "DeviceName", "AccountName", "FileName",
            "ProcessCommandLine", "InitiatingProcessFileName", "InitiatingProcessCommandLine");

    @Setup
    public void setUp() throws IOException {
        lines = SampleLines.processJsonLines(1_000);
        text = String.join("\n", lines);
        file = Files.createTempFile("egress-jmh", ".json");
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long streaming() throws IOException {
        long sum = 0;
        for (String line : lines) {
            try (JsonParser p = factory.createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "Timestamp", "FileName", "ProcessCommandLine" -> sum += p.getText().length();
                        default -> {
                            if (value.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long tree() throws IOException {
        long sum = 0;
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            sum += node.get("Timestamp").asText().length() + node.get("FileName").asText().length()
                    + node.get("ProcessCommandLine").asText().length();
        }
        return sum;
    }

    @Benchmark
    public int advancedHuntingReader() {
        return AdvancedHuntingReader.read(text, "bench", DefenderSchemas.schema(DefenderRowGenerator.PROCESS_TABLE).orElseThrow())
                .table().rowCount();
    }

    @Benchmark
    public int exportScanner() throws IOException {
        return ExportScanner.scan(file, DefenderSchemas.schema(DefenderRowGenerator.PROCESS_TABLE).orElseThrow(),
                SEED_COLUMNS, null, 1).table().rowCount();
    }
}
