package io.egress.detect.rule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Sentinel scheduled analytics rule as published in the Azure-Sentinel repository (YAML), plus
 * the Egress extensions {@code confidence}, {@code dataSources}, {@code falsePositives}, {@code explanation} and
 * {@code branchDetails}.
 */
public final class SentinelYamlRuleReader {
    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final YAMLFactory FACTORY = new YAMLFactory();

    public RuleReadResult read(String file, String text) {
        JsonNode root;
        Map<String, FilePosition> keys = new HashMap<>();
        QueryOrigin origin;
        try {
            root = MAPPER.readTree(text);
            origin = locate(file, text, keys);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return fail(new FilePosition(file, line, column), "RULE001", "invalid YAML: " + e.getOriginalMessage(),
                    "check indentation and quoting; a query belongs in a block scalar (query: |)", text);
        } catch (IOException e) {
            return fail(new FilePosition(file, 1, 1), "RULE001", "unreadable YAML: " + e.getMessage(), "", text);
        }
        if (root == null || !root.isObject()) {
            return fail(new FilePosition(file, 1, 1), "RULE002", "a rule file must be a YAML mapping",
                    "start with id:, name:, severity:, query:", text);
        }
        List<RuleProblem> problems = new ArrayList<>();
        FilePosition top = new FilePosition(file, 1, 1);
        String id = required(root, "id", top, problems, text);
        String name = required(root, "name", top, problems, text);
        String query = required(root, "query", top, problems, text);
        Severity severity = Severity.parse(text(root, "severity")).orElse(null);
        if (severity == null) {
            problems.add(problem(keys.getOrDefault("severity", top), "RULE003",
                    root.has("severity") ? "unknown severity '" + text(root, "severity") + "'" : "missing field 'severity'",
                    "use Informational, Low, Medium or High", text));
        }
        Duration frequency = duration(root, "queryFrequency", Duration.ofHours(1), keys, top, problems, text);
        Duration period = duration(root, "queryPeriod", Duration.ofDays(1), keys, top, problems, text);
        Trigger trigger = Trigger.ANY_RESULT;
        if (root.has("triggerOperator") || root.has("triggerThreshold")) {
            Trigger.Operator op = Trigger.Operator.parse(text(root, "triggerOperator")).orElse(null);
            if (op == null) {
                problems.add(problem(keys.getOrDefault("triggerOperator", top), "RULE003",
                        "unknown triggerOperator '" + text(root, "triggerOperator") + "'", "use gt, lt, eq or ne", text));
            } else {
                trigger = new Trigger(op, root.path("triggerThreshold").asInt(0));
            }
        }
        List<EntityMapping> mappings = new ArrayList<>();
        for (JsonNode mapping : root.path("entityMappings")) {
            List<EntityMapping.FieldMapping> fields = new ArrayList<>();
            for (JsonNode field : mapping.path("fieldMappings")) {
                fields.add(new EntityMapping.FieldMapping(field.path("identifier").asText(), field.path("columnName").asText()));
            }
            mappings.add(new EntityMapping(mapping.path("entityType").asText(), fields));
        }
        if (!problems.isEmpty()) {
            return RuleReadResult.failed(problems);
        }
        List<String> dataSources = strings(root.path("dataSources"));
        for (JsonNode connector : root.path("requiredDataConnectors")) {
            for (String type : strings(connector.path("dataTypes"))) {
                if (!dataSources.contains(type)) {
                    dataSources.add(type);
                }
            }
        }
        return RuleReadResult.of(new Rule(id, name, text(root, "description"), severity, text(root, "confidence"),
                query, frequency, period, trigger, strings(root.path("tactics")), strings(root.path("relevantTechniques")),
                mappings, stringMap(root.path("customDetails")), stringMap(root.path("alertDetailsOverride")),
                EventGrouping.parse(root.path("eventGroupingSettings").path("aggregationKind").asText(null)),
                text(root, "version"), dataSources, strings(root.path("falsePositives")), origin,
                text(root, "explanation"), branchDetails(root.path("branchDetails"))));
    }

    /** The Egress extension {@code branchDetails: {Branch: {confidence, techniques, explanation, falsePositives, tuningKeys}}}. */
    private static Map<String, BranchDetail> branchDetails(JsonNode node) {
        Map<String, BranchDetail> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode d = entry.getValue();
            out.put(entry.getKey(), new BranchDetail(text(d, "confidence"), strings(d.path("techniques")), text(d, "explanation"),
                    strings(d.path("falsePositives")), strings(d.path("tuningKeys"))));
        });
        return out;
    }

    /** Records where each top-level key sits, and where the query's text begins. */
    private static QueryOrigin locate(String file, String text, Map<String, FilePosition> keys) throws IOException {
        String[] lines = text.split("\n", -1);
        QueryOrigin origin = new QueryOrigin(file, 1, 0);
        try (JsonParser parser = FACTORY.createParser(text)) {
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME && depth == 1) {
                    JsonLocation at = parser.currentTokenLocation();
                    String key = parser.currentName();
                    keys.put(key, new FilePosition(file, at.getLineNr(), at.getColumnNr()));
                    if (key.equals("query") && parser.nextToken() == JsonToken.VALUE_STRING) {
                        origin = queryOrigin(file, lines, parser.currentTokenLocation());
                    }
                }
            }
        }
        return origin;
    }

    private static QueryOrigin queryOrigin(String file, String[] lines, JsonLocation value) {
        int line = value.getLineNr();
        int column = value.getColumnNr();
        String current = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        String rest = column >= 1 && column <= current.length() ? current.substring(column - 1).strip() : "";
        if (rest.startsWith("|") || rest.startsWith(">")) {
            for (int i = line; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    int indent = 0;
                    while (indent < lines[i].length() && lines[i].charAt(indent) == ' ') {
                        indent++;
                    }
                    return new QueryOrigin(file, line + 1, indent);
                }
            }
            return new QueryOrigin(file, line + 1, 0);
        }
        boolean quoted = rest.startsWith("\"") || rest.startsWith("'");
        return new QueryOrigin(file, line, column - 1 + (quoted ? 1 : 0));
    }

    private static Duration duration(JsonNode root, String key, Duration fallback, Map<String, FilePosition> keys,
                                     FilePosition top, List<RuleProblem> problems, String text) {
        if (!root.has(key)) {
            return fallback;
        }
        String value = root.get(key).asText();
        return RuleDuration.parse(value).orElseGet(() -> {
            problems.add(problem(keys.getOrDefault(key, top), "RULE004", "cannot read duration '" + value + "' of " + key,
                    "write 5m, 1h, 1d or ISO-8601 such as PT1H", text));
            return fallback;
        });
    }

    private static String required(JsonNode root, String key, FilePosition top, List<RuleProblem> problems, String text) {
        String value = text(root, key);
        if (value.isBlank()) {
            problems.add(problem(top, "RULE002", "missing field '" + key + "'", "a rule needs id, name, severity and query", text));
        }
        return value;
    }

    private static String text(JsonNode root, String key) {
        JsonNode node = root.get(key);
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> out.add(item.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode()) {
                out.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return out;
    }

    static RuleProblem problem(FilePosition at, String code, String message, String hint, String text) {
        String[] lines = text.split("\n", -1);
        String line = at.line() >= 1 && at.line() <= lines.length ? lines[at.line() - 1] : "";
        return new RuleProblem(at, code, message, hint, line);
    }

    private static RuleReadResult fail(FilePosition at, String code, String message, String hint, String text) {
        return RuleReadResult.failed(List.of(problem(at, code, message, hint, text)));
    }
}
