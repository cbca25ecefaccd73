package io.egress.bench.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates a data set into {@code root/<config key>/} once and reuses it afterwards: the manifest
 * ({@code manifest.json}, written last) marks a complete data set.
 */
public final class DatasetCache {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatasetCache() {
    }

    public static Dataset ensure(Path root, GeneratorConfig config) throws IOException {
        Path dir = root.resolve(config.cacheKey());
        Path manifest = dir.resolve("manifest.json");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(DefenderRowGenerator.PROCESS_TABLE, dir.resolve(DefenderRowGenerator.PROCESS_TABLE + ".json"));
        files.put(DefenderRowGenerator.NETWORK_TABLE, dir.resolve(DefenderRowGenerator.NETWORK_TABLE + ".json"));
        if (Files.isRegularFile(manifest)) {
            return read(config, dir, files, MAPPER.readTree(manifest.toFile()));
        }
        Files.createDirectories(dir);
        DefenderRowGenerator generator = new DefenderRowGenerator(config);
        Instant windowStart = config.now().minus(Duration.ofHours(24));
        Map<String, Map<RowKind, Long>> rows = new LinkedHashMap<>();
        Map<String, Map<RowKind, Long>> inWindow = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String table = file.getKey();
            Map<RowKind, Long> all = new EnumMap<>(RowKind.class);
            Map<RowKind, Long> recent = new EnumMap<>(RowKind.class);
            Path tmp = file.getValue().resolveSibling(file.getValue().getFileName() + ".tmp");
            boolean process = table.equals(DefenderRowGenerator.PROCESS_TABLE);
            try (JsonLinesWriter writer = new JsonLinesWriter(tmp, process ? generator.processSchema() : generator.networkSchema())) {
                DefenderRowGenerator.RowConsumer sink = (row, kind) -> {
                    try {
                        writer.write(row);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    all.merge(kind, 1L, Long::sum);
                    if (((Instant) row[0]).isAfter(windowStart)) {
                        recent.merge(kind, 1L, Long::sum);
                    }
                };
                if (process) {
                    generator.processEvents(sink);
                } else {
                    generator.networkEvents(sink);
                }
            }
            Files.move(tmp, file.getValue(), StandardCopyOption.REPLACE_EXISTING);
            rows.put(table, all);
            inWindow.put(table, recent);
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("config", config.toString());
        node.set("rows", MAPPER.valueToTree(rows));
        node.set("rowsInWindow", MAPPER.valueToTree(inWindow));
        Files.writeString(manifest, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        return new Dataset(config, dir, files, rows, inWindow);
    }

    private static Dataset read(GeneratorConfig config, Path dir, Map<String, Path> files, JsonNode manifest) {
        return new Dataset(config, dir, files, counts(manifest.get("rows")), counts(manifest.get("rowsInWindow")));
    }

    private static Map<String, Map<RowKind, Long>> counts(JsonNode node) {
        Map<String, Map<RowKind, Long>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(table -> {
            Map<RowKind, Long> kinds = new EnumMap<>(RowKind.class);
            table.getValue().fields().forEachRemaining(k -> kinds.put(RowKind.valueOf(k.getKey()), k.getValue().asLong()));
            out.put(table.getKey(), kinds);
        });
        return out;
    }
}
