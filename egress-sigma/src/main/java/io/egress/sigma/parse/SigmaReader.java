package io.egress.sigma.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egress.sigma.Problem;
import io.egress.sigma.Result;
import io.egress.sigma.model.Detection;
import io.egress.sigma.model.LogSource;
import io.egress.sigma.model.SigmaRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads Sigma YAML (one or more documents) into {@link SigmaRule}s; problems are values, never thrown. */
public final class SigmaReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SigmaReader() {
    }

    public static List<LoadedRule> read(String yaml, String source) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            return List.of(failed(source, "YAML: " + e.getOriginalMessage() + location(e.getLocation())));
        } catch (IOException | RuntimeException e) {
            return List.of(failed(source, "YAML: " + e.getMessage()));
        }
        if (documents.isEmpty()) {
            return List.of(failed(source, "the file holds no YAML document"));
        }
        return documents.stream().map(document -> document(document, source)).toList();
    }

    private static LoadedRule failed(String source, String reason) {
        return new LoadedRule(SigmaRule.unreadable(source), Optional.of(Problem.invalid(reason)));
    }

    private static String location(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Correlation types of the Sigma specification (2.0 and 2.1). */
    private static final java.util.Set<String> CORRELATION_TYPES = java.util.Set.of("event_count", "value_count",
            "temporal", "temporal_ordered", "value_sum", "value_avg", "value_percentile", "value_median");

    /** Why a correlation rule does not run: it is not supported yet, or it is not a valid correlation. */
    private static Problem correlation(JsonNode correlation) {
        if (!correlation.isObject()) {
            return Problem.invalid("`correlation` must be a map with `type`, `rules` and `timespan`");
        }
        String type = correlation.path("type").asText("");
        if (type.isEmpty()) {
            return Problem.invalid("the correlation has no `type`");
        }
        if (!CORRELATION_TYPES.contains(type)) {
            return Problem.invalid("unknown correlation type `" + type + "` (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(CORRELATION_TYPES)) + ")");
        }
        List<String> rules = new java.util.ArrayList<>();
        JsonNode ruleRefs = correlation.path("rules");
        if (ruleRefs.isArray()) {
            ruleRefs.forEach(r -> rules.add(r.asText()));
        } else if (ruleRefs.isTextual()) {
            rules.add(ruleRefs.asText());
        }
        List<String> groupBy = new java.util.ArrayList<>();
        correlation.path("group-by").forEach(g -> groupBy.add(g.asText()));
        String timespan = correlation.path("timespan").asText("");
        return Problem.unsupported("correlation rules are not yet supported: " + type
                + (rules.isEmpty() ? "" : " over " + String.join(", ", rules))
                + (groupBy.isEmpty() ? "" : " grouped by " + String.join(", ", groupBy))
                + (timespan.isEmpty() ? "" : " within " + timespan));
    }

    private static LoadedRule document(JsonNode node, String source) {
        if (!node.isObject()) {
            return failed(source, "a Sigma document must be a YAML map");
        }
        SigmaRule.Kind kind = node.has("correlation") ? SigmaRule.Kind.CORRELATION
                : node.has("filter") && !node.has("detection") ? SigmaRule.Kind.FILTER
                : SigmaRule.Kind.RULE;
        JsonNode detectionNode = switch (kind) {
            case RULE -> node.get("detection");
            case FILTER -> node.get("filter");
            case CORRELATION -> null;
        };
        Detection detection = Detection.EMPTY;
        Optional<Problem> problem = Optional.empty();
        if (kind == SigmaRule.Kind.CORRELATION) {
            problem = Optional.of(correlation(node.get("correlation")));
        } else if (detectionNode == null) {
            problem = Optional.of(Problem.invalid("the rule has no `detection` section"));
        } else {
            Result<Detection> read = DetectionReader.read(detectionNode);
            if (read instanceof Result.Ok<Detection> ok) {
                detection = ok.value();
            } else {
                problem = Optional.of(((Result.Fail<Detection>) read).problem());
            }
        }
        if (problem.isEmpty() && kind == SigmaRule.Kind.RULE && !node.path("logsource").isObject()) {
            problem = Optional.of(Problem.invalid("the rule has no `logsource` map"));
        }
        JsonNode logsource = node.path("logsource");
        SigmaRule rule = new SigmaRule(kind, source,
                text(node, "id"), Optional.ofNullable(text(node, "title")).orElse(source), text(node, "status"),
                text(node, "level"), text(node, "description"), text(node, "author"), text(node, "date"),
                text(node, "modified"), list(node.get("references")), list(node.get("tags")),
                list(node.get("falsepositives")),
                new LogSource(text(logsource, "product"), text(logsource, "category"),
                        text(logsource, "service"), text(logsource, "definition")),
                detection, kind == SigmaRule.Kind.FILTER ? list(node.path("filter").get("rules")) : List.of());
        return new LoadedRule(rule, problem);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> list(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(element.isValueNode() ? element.asText() : element.toString()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
