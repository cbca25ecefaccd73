package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.Column;
import io.egress.data.DefenderSchemas;
import io.egress.data.SharedData;
import io.egress.data.Table;
import io.egress.data.io.ValueConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every query of the shared KQL corpus (field queries and documentation examples) goes through
 * compile, and each one that compiles without error runs over empty tables: no exception may escape,
 * only diagnostics (and {@link QueryRuntimeException}s, which carry one). Skipped when the corpus is absent.
 */
class CorpusNoExceptionTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    /** Every Defender table with one row of typical values and one row of nulls (empty strings). */
    private static final Map<String, Table> SAMPLE = sampleTables();

    @Test
    void noCorpusQueryThrows() throws IOException {
        Path corpus = SharedData.resolve("corpus/kql").orElse(null);
        assumeTrue(corpus != null, "shared corpus absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".kql")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no corpus queries");
        KqlEngine engine = new KqlEngine();
        List<String> crashes = new ArrayList<>();
        int compiled = 0;
        int ran = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Compilation c;
            try {
                c = engine.compile(text, Catalog.defender());
                compiled++;
            } catch (RuntimeException | StackOverflowError e) {
                crashes.add("compile " + corpus.relativize(file) + ": " + trace(e));
                continue;
            }
            if (c.hasErrors()) {
                continue;
            }
            try {
                c.executeAll(Map.of(), NOW);
                c.executeAll(SAMPLE, NOW);
                ran++;
            } catch (QueryRuntimeException e) {
                ran++; // a diagnostic, not a crash
            } catch (RuntimeException | StackOverflowError e) {
                crashes.add("run " + corpus.relativize(file) + ": " + trace(e));
            }
        }
        System.out.printf("Corpus robustness: %d files, %d compiled, %d ran, %d crashes%n", files.size(), compiled,
                ran, crashes.size());
        assertThat(crashes).as("queries whose compile or run threw").isEmpty();
    }

    private static Map<String, Table> sampleTables() {
        Map<String, Table> tables = new java.util.LinkedHashMap<>();
        DefenderSchemas.all().forEach((name, schema) -> {
            Object[] typical = new Object[schema.size()];
            Object[] empty = new Object[schema.size()];
            for (int i = 0; i < schema.size(); i++) {
                Column c = schema.column(i);
                typical[i] = switch (c.type()) {
                    case STRING -> c.name().equals("AdditionalFields") ? "{\"Command\":\"x\",\"Count\":2}"
                            : c.name().endsWith("IP") ? "10.1.2.3" : "C:\\Windows\\cmd.exe /c whoami";
                    case LONG -> 4242L;
                    case INT -> 443;
                    case REAL -> 1.5;
                    case BOOL -> true;
                    case DATETIME -> NOW.minusSeconds(3600);
                    case TIMESPAN -> java.time.Duration.ofMinutes(5);
                    case DYNAMIC -> ValueConverter.dynamicFromText("{\"a\":[1,\"b\"]}");
                    default -> ValueConverter.nullOf(c.type());
                };
                empty[i] = ValueConverter.nullOf(c.type());
            }
            tables.put(name, Table.of(schema, List.of(typical, empty)));
        });
        return tables;
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, Math.min(6, lines.length)));
    }
}
