package io.egress.sigma.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.sigma.model.LogSource;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The log-source and field mappings, read from YAML ({@code io/egress/sigma/logsources.yml} for the
 * built-in one). Columns are checked against the schemas of the tables the telemetry loader fills (the
 * Defender tables and the raw per-source tables) when the catalog loads, so a typo in the data fails fast.
 */
public final class MappingCatalog {
    private static final String BUILTIN = "/io/egress/sigma/logsources.yml";
    private static volatile MappingCatalog builtin;

    private final List<LogSourceMapping> mappings;

    private MappingCatalog(List<LogSourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public static MappingCatalog builtin() {
        if (builtin == null) {
            try (InputStream in = MappingCatalog.class.getResourceAsStream(BUILTIN)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + BUILTIN);
                }
                builtin = parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtin;
    }

    /** Reads a mapping document; a mistake in it is a programming error and throws. */
    public static MappingCatalog parse(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad mapping YAML: " + e.getMessage(), e);
        }
        JsonNode fieldsets = root.path("fieldsets");
        JsonNode bagsets = root.path("bagsets");
        Map<String, Schema> schemas = TelemetryLoader.schemas();
        List<LogSourceMapping> mappings = new ArrayList<>();
        for (JsonNode entry : root.path("logsources")) {
            String table = entry.path("table").asText();
            Schema schema = Optional.ofNullable(schemas.get(table))
                    .orElseThrow(() -> new IllegalArgumentException("unknown table " + table));
            Map<String, FieldTarget> fields = new LinkedHashMap<>();
            for (JsonNode setName : entry.path("fieldsets")) {
                JsonNode set = fieldsets.get(setName.asText());
                if (set == null) {
                    throw new IllegalArgumentException("unknown fieldset " + setName.asText());
                }
                readFields(set, schema, table, fields);
            }
            readFields(entry.path("fields"), schema, table, fields);
            List<String> keywords = new ArrayList<>();
            for (JsonNode column : entry.path("keywords")) {
                column(column.asText(), schema, table);
                keywords.add(column.asText());
            }
            JsonNode bag = entry.path("bag");
            String bagColumn = text(bag, "column");
            Set<String> bagFields = new HashSet<>();
            if (bagColumn != null && schema.find(bagColumn).map(c -> c.type() != ScalarType.DYNAMIC).orElse(true)) {
                throw new IllegalArgumentException("table " + table + " has no dynamic column " + bagColumn);
            }
            for (JsonNode setName : bag.path("sets")) {
                JsonNode set = bagsets.get(setName.asText());
                if (set == null) {
                    throw new IllegalArgumentException("unknown bagset " + setName.asText());
                }
                set.forEach(f -> bagFields.add(f.asText()));
            }
            bag.path("fields").forEach(f -> bagFields.add(f.asText()));
            bag.path("except").forEach(f -> bagFields.add(f.asText()));
            if (bag.has("except") != bag.path("any").asBoolean(false) && bag.has("except")) {
                throw new IllegalArgumentException("bag `except` needs `any: true` in " + table);
            }
            JsonNode match = entry.path("match");
            mappings.add(new LogSourceMapping(text(match, "product"), text(match, "category"),
                    text(match, "service"), table, text(entry, "where"), fields, keywords,
                    bagColumn == null ? null : new FieldBag(bagColumn, bagFields, bag.path("any").asBoolean(false),
                            bag.path("spaced").asBoolean(false))));
        }
        return new MappingCatalog(mappings);
    }

    private static void readFields(JsonNode node, Schema schema, String table, Map<String, FieldTarget> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode spec = field.getValue();
            FieldTarget target;
            if (spec.isTextual()) {
                target = FieldTarget.column(spec.asText(), column(spec.asText(), schema, table));
            } else if (spec.has("constant")) {
                List<String> constants = new ArrayList<>();
                JsonNode constant = spec.get("constant");
                if (constant.isArray()) {
                    constant.forEach(c -> constants.add(c.asText()));
                } else {
                    constants.add(constant.asText());
                }
                target = new FieldTarget(null, ScalarType.STRING, constants, null);
            } else if (spec.has("expr")) {
                ScalarType type = ScalarType.fromName(spec.path("type").asText("string"))
                        .orElseThrow(() -> new IllegalArgumentException("bad type for " + field.getKey()));
                target = new FieldTarget(spec.get("expr").asText(), type, null, text(spec, "never_prefix"),
                        spec.path("multi").asBoolean(false));
            } else {
                throw new IllegalArgumentException("field " + field.getKey() + ": expected a column, expr or constant");
            }
            fields.put(field.getKey(), target);
        }
    }

    private static ScalarType column(String name, Schema schema, String table) {
        return schema.find(name)
                .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + name))
                .type();
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    public List<LogSourceMapping> mappings() {
        return mappings;
    }

    /** The mapping for a rule's log source: the first whose product, category and service all equal it. */
    public Optional<LogSourceMapping> find(LogSource logSource) {
        return mappings.stream().filter(m -> m.matches(logSource)).findFirst();
    }
}
