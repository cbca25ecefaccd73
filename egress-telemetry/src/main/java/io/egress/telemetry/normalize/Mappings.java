package io.egress.telemetry.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egress.data.Column;
import io.egress.data.DefenderSchemas;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field mappings, loaded once from YAML resources ({@code io/egress/telemetry/mappings/*.yaml}, one file
 * per source) and compiled: every expression parsed and every column checked against its table schema.
 */
public final class Mappings {
    /** Mapping resources, in the order sources are tried: the first whose {@code select} holds maps an event. */
    public static final List<String> RESOURCES = List.of("sysmon.yaml", "windows.yaml", "auditd.yaml", "syslog.yaml");
    /** Columns every raw per-source table starts with. */
    public static final List<Column> RAW_COMMON = List.of(
            new Column("Timestamp", ScalarType.DATETIME), new Column("Computer", ScalarType.STRING),
            new Column("EventID", ScalarType.INT), new Column("Provider", ScalarType.STRING),
            new Column("Channel", ScalarType.STRING), new Column("RecordId", ScalarType.LONG),
            new Column("EventData", ScalarType.DYNAMIC));

    /** A condition: the expression's text must be one of the accepted values (case-insensitive). */
    public record Condition(String text, Expr expr, Set<String> accepted) {
        boolean holds(EvalContext context) {
            return accepted.contains(Values.text(expr.eval(context)).strip().toLowerCase(Locale.ROOT));
        }
    }

    /** One rule: when its conditions hold, one row goes to {@code table}; {@code columns[i]} fills column i. */
    public record Rule(String name, List<Condition> when, String table, Schema schema, Expr[] columns, List<Expr> effects) {
    }

    /** The raw table of a source: its schema and one expression per column. */
    public record RawTable(String table, Schema schema, Expr[] columns) {
    }

    /** One source's mapping file, compiled. */
    public record Source(String name, String resource, List<Condition> select, RawTable raw, List<Rule> rules) {
        boolean selects(EvalContext context) {
            for (Condition condition : select) {
                if (!condition.holds(context)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Mappings BUILT_IN = load();

    private final List<Source> sources;

    private Mappings(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    public static Mappings builtIn() {
        return BUILT_IN;
    }

    public List<Source> sources() {
        return sources;
    }

    /** Raw table schemas by table name. */
    public Map<String, Schema> rawSchemas() {
        Map<String, Schema> out = new LinkedHashMap<>();
        for (Source source : sources) {
            out.put(source.raw().table(), source.raw().schema());
        }
        return out;
    }

    private static Mappings load() {
        YAMLMapper yaml = new YAMLMapper();
        List<Source> sources = new ArrayList<>();
        for (String resource : RESOURCES) {
            try (InputStream in = Mappings.class.getResourceAsStream("/io/egress/telemetry/mappings/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing mapping resource " + resource);
                }
                sources.add(compile(resource, yaml.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("mapping " + resource + ": " + e.getMessage(), e);
            }
        }
        return new Mappings(sources);
    }

    static Source compile(String resource, JsonNode root) {
        String name = required(root, "source").asText();
        List<Condition> select = conditions(root.path("select"));
        RawTable raw = raw(required(root, "raw"));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : root.path("rules")) {
            rules.add(rule(rule));
        }
        return new Source(name, resource, select, raw, rules);
    }

    private static RawTable raw(JsonNode node) {
        String table = required(node, "table").asText();
        List<Column> columns = new ArrayList<>(RAW_COMMON);
        List<Expr> exprs = new ArrayList<>();
        JsonNode common = required(node, "common");
        for (Column column : RAW_COMMON) {
            JsonNode expr = common.get(column.name());
            if (column.name().equals("EventData")) {
                exprs.add(null); // filled with the whole data section
            } else {
                exprs.add(expr == null ? new Expr.Literal("") : ExprParser.parse(expr.asText()));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("columns").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String spec = field.getValue().asText();
            int eq = spec.indexOf('=');
            String typeName = (eq < 0 ? spec : spec.substring(0, eq)).strip();
            ScalarType type = ScalarType.fromName(typeName)
                    .orElseThrow(() -> new IllegalArgumentException("raw column " + field.getKey() + ": unknown type " + typeName));
            columns.add(new Column(field.getKey(), type));
            exprs.add(eq < 0 ? new Expr.Field(field.getKey()) : ExprParser.parse(spec.substring(eq + 1).strip()));
        }
        return new RawTable(table, new Schema(columns), exprs.toArray(new Expr[0]));
    }

    private static Rule rule(JsonNode node) {
        String name = required(node, "name").asText();
        String table = required(node, "table").asText();
        Schema schema = DefenderSchemas.schema(table)
                .orElseThrow(() -> new IllegalArgumentException("rule '" + name + "': unknown table " + table));
        Expr[] columns = new Expr[schema.size()];
        Iterator<Map.Entry<String, JsonNode>> fields = required(node, "columns").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            int index = schema.indexOf(field.getKey());
            if (index < 0) {
                throw new IllegalArgumentException("rule '" + name + "': " + table + " has no column " + field.getKey());
            }
            columns[index] = ExprParser.parse(field.getValue().asText());
        }
        List<Expr> effects = new ArrayList<>();
        for (JsonNode effect : node.path("effects")) {
            effects.add(ExprParser.parse(effect.asText()));
        }
        return new Rule(name, conditions(node.path("when")), table, schema, columns, List.copyOf(effects));
    }

    private static List<Condition> conditions(JsonNode node) {
        List<Condition> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Set<String> accepted = new LinkedHashSet<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> accepted.add(v.asText().toLowerCase(Locale.ROOT)));
            } else {
                accepted.add(field.getValue().asText().toLowerCase(Locale.ROOT));
            }
            out.add(new Condition(field.getKey(), ExprParser.parse(field.getKey()), Set.copyOf(accepted)));
        }
        return List.copyOf(out);
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value;
    }
}
