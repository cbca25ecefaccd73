package io.egress.detect.rule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain {@code .kql} rule: the whole file is the query, and its leading {@code // @key value}
 * comment lines are the metadata (documented in docs/rules.md). Unknown keys are errors, so a typo
 * does not silently lose a setting.
 */
public final class KqlHeaderRuleReader {
    static final Set<String> KEYS = Set.of("id", "name", "description", "severity", "confidence", "tactics",
            "techniques", "queryFrequency", "queryPeriod", "trigger", "entity", "customDetail", "grouping",
            "version", "dataSources", "falsePositive");

    public RuleReadResult read(String file, String text) {
        String stem = Path.of(file).getFileName().toString().replaceFirst("\\.kql$", "");
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, FilePosition> where = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("//")) {
                break;
            }
            String comment = line.substring(2).strip();
            if (!comment.startsWith("@")) {
                continue;
            }
            int space = comment.indexOf(' ');
            String key = space < 0 ? comment.substring(1) : comment.substring(1, space);
            String value = space < 0 ? "" : comment.substring(space + 1).strip();
            FilePosition at = new FilePosition(file, i + 1, lines[i].indexOf('@') + 1);
            if (!KEYS.contains(key)) {
                problems.add(SentinelYamlRuleReader.problem(at, "RULE005", "unknown header key '@" + key + "'",
                        "known keys: " + String.join(", ", KEYS.stream().sorted().toList()), text));
                continue;
            }
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            where.putIfAbsent(key, at);
        }
        FilePosition top = new FilePosition(file, 1, 1);
        Severity severity = Severity.MEDIUM;
        if (values.containsKey("severity")) {
            severity = Severity.parse(first(values, "severity")).orElse(null);
            if (severity == null) {
                problems.add(SentinelYamlRuleReader.problem(where.get("severity"), "RULE003",
                        "unknown severity '" + first(values, "severity") + "'", "use Informational, Low, Medium or High", text));
            }
        }
        Duration frequency = duration(values, where, "queryFrequency", Duration.ofHours(1), problems, text);
        Duration period = duration(values, where, "queryPeriod", Duration.ofDays(1), problems, text);
        Trigger trigger = Trigger.ANY_RESULT;
        if (values.containsKey("trigger")) {
            String[] parts = first(values, "trigger").split("\\s+");
            Trigger.Operator op = Trigger.Operator.parse(parts[0]).orElse(null);
            if (op == null || parts.length != 2 || !parts[1].matches("\\d+")) {
                problems.add(SentinelYamlRuleReader.problem(where.get("trigger"), "RULE003",
                        "cannot read trigger '" + first(values, "trigger") + "'", "write e.g. '// @trigger gt 0'", text));
            } else {
                trigger = new Trigger(op, Integer.parseInt(parts[1]));
            }
        }
        List<EntityMapping> entities = new ArrayList<>();
        for (String entity : values.getOrDefault("entity", List.of())) {
            String[] parts = entity.split("=", 2);
            String[] typeAndId = parts[0].strip().split("\\.", 2);
            if (parts.length != 2 || typeAndId.length != 2 || parts[1].isBlank()) {
                problems.add(SentinelYamlRuleReader.problem(where.get("entity"), "RULE003",
                        "cannot read entity mapping '" + entity + "'", "write e.g. '// @entity Host.HostName = DeviceName'", text));
                continue;
            }
            entities.add(new EntityMapping(typeAndId[0].strip(),
                    List.of(new EntityMapping.FieldMapping(typeAndId[1].strip(), parts[1].strip()))));
        }
        Map<String, String> customDetails = new LinkedHashMap<>();
        for (String detail : values.getOrDefault("customDetail", List.of())) {
            String[] parts = detail.split("=", 2);
            if (parts.length != 2) {
                problems.add(SentinelYamlRuleReader.problem(where.get("customDetail"), "RULE003",
                        "cannot read custom detail '" + detail + "'", "write e.g. '// @customDetail ExfilMethod = ExfilMethod'", text));
                continue;
            }
            customDetails.put(parts[0].strip(), parts[1].strip());
        }
        if (!problems.isEmpty()) {
            return RuleReadResult.failed(problems);
        }
        String id = values.containsKey("id") ? first(values, "id") : stem;
        String name = values.containsKey("name") ? first(values, "name") : stem;
        return RuleReadResult.of(new Rule(id, name, first(values, "description"), severity, first(values, "confidence"),
                text, frequency, period, trigger, list(values, "tactics"), list(values, "techniques"), entities,
                customDetails, Map.of(), EventGrouping.parse(first(values, "grouping")), first(values, "version"),
                list(values, "dataSources"), values.getOrDefault("falsePositive", List.of()),
                new QueryOrigin(file, 1, 0)));
    }

    private static Duration duration(Map<String, List<String>> values, Map<String, FilePosition> where, String key,
                                     Duration fallback, List<RuleProblem> problems, String text) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        String value = first(values, key);
        return RuleDuration.parse(value).orElseGet(() -> {
            problems.add(SentinelYamlRuleReader.problem(where.get(key), "RULE004", "cannot read duration '" + value + "' of @" + key,
                    "write 5m, 1h, 1d or ISO-8601 such as PT1H", text));
            return fallback;
        });
    }

    private static String first(Map<String, List<String>> values, String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    private static List<String> list(Map<String, List<String>> values, String key) {
        List<String> out = new ArrayList<>();
        for (String value : values.getOrDefault(key, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
