package io.egress.sigma.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.sigma.Result;
import io.egress.sigma.model.Condition;
import io.egress.sigma.model.Detection;
import io.egress.sigma.model.FieldMatch;
import io.egress.sigma.model.Modifier;
import io.egress.sigma.model.SearchIdentifier;
import io.egress.sigma.model.SigmaValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code detection:} (or a filter's {@code filter:}) YAML node into a {@link Detection}. */
public final class DetectionReader {
    /** Keys of a detection section that are not search identifiers. */
    private static final List<String> RESERVED = List.of("condition", "timeframe", "rules");

    private DetectionReader() {
    }

    public static Result<Detection> read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Result.invalid("`detection` must be a map of search identifiers and a `condition`");
        }
        Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (RESERVED.contains(entry.getKey())) {
                continue;
            }
            Result<SearchIdentifier> identifier = identifier(entry.getKey(), entry.getValue());
            if (identifier instanceof Result.Fail<SearchIdentifier> fail) {
                return Result.fail(fail.problem());
            }
            identifiers.put(entry.getKey(), ((Result.Ok<SearchIdentifier>) identifier).value());
        }
        JsonNode conditionNode = node.get("condition");
        if (conditionNode == null || conditionNode.isNull()) {
            return Result.invalid("`detection` has no `condition`");
        }
        List<String> texts = new ArrayList<>();
        if (conditionNode.isArray()) {
            conditionNode.forEach(c -> texts.add(c.asText()));
        } else if (conditionNode.isValueNode()) {
            texts.add(conditionNode.asText());
        } else {
            return Result.invalid("`condition` must be a string or a list of strings");
        }
        if (texts.isEmpty()) {
            return Result.invalid("`condition` is empty");
        }
        List<Result<Condition>> conditions = texts.stream().map(ConditionParser::parse).toList();
        return Result.all(conditions).map(list -> new Detection(identifiers, list));
    }

    private static Result<SearchIdentifier> identifier(String name, JsonNode node) {
        if (node.isObject()) {
            return fieldMap(name, node).map(map -> keywordsOnly(map));
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return Result.invalid("search identifier `" + name + "` is an empty list");
            }
            boolean maps = true;
            boolean scalars = true;
            for (JsonNode element : node) {
                maps &= element.isObject();
                scalars &= element.isValueNode();
            }
            if (maps) {
                List<Result<SearchIdentifier.FieldMap>> list = new ArrayList<>();
                node.forEach(element -> list.add(fieldMap(name, element)));
                return Result.all(list).map(SearchIdentifier.MapList::new);
            }
            if (scalars) {
                List<SigmaValue> values = new ArrayList<>();
                node.forEach(element -> values.add(value(element)));
                return Result.ok(new SearchIdentifier.Keywords(values, false));
            }
            return Result.invalid("search identifier `" + name + "` mixes maps and plain values in one list");
        }
        return Result.ok(new SearchIdentifier.Keywords(List.of(value(node)), false));
    }

    /** A map whose only entry is {@code '|all': [...]} is a keyword list with AND. */
    private static SearchIdentifier keywordsOnly(SearchIdentifier.FieldMap map) {
        if (map.matches().size() == 1 && map.matches().get(0).field() == null) {
            FieldMatch only = map.matches().get(0);
            return new SearchIdentifier.Keywords(only.values(), only.has(Modifier.ALL));
        }
        return map;
    }

    private static Result<SearchIdentifier.FieldMap> fieldMap(String name, JsonNode node) {
        List<FieldMatch> matches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Result<FieldMatch> match = fieldMatch(name, entry.getKey(), entry.getValue());
            if (match instanceof Result.Fail<FieldMatch> fail) {
                return Result.fail(fail.problem());
            }
            matches.add(((Result.Ok<FieldMatch>) match).value());
        }
        if (matches.isEmpty()) {
            return Result.invalid("search identifier `" + name + "` is an empty map");
        }
        return Result.ok(new SearchIdentifier.FieldMap(matches));
    }

    private static Result<FieldMatch> fieldMatch(String name, String key, JsonNode node) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0].isEmpty() ? null : parts[0];
        List<Modifier> modifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            var modifier = Modifier.fromName(parts[i]);
            if (modifier.isEmpty()) {
                return Result.invalid("unknown modifier `" + parts[i] + "` in `" + name + "." + key + "`");
            }
            modifiers.add(modifier.get());
        }
        List<SigmaValue> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isValueNode()) {
                    return Result.invalid("`" + name + "." + key + "` lists a nested map or list; values must be plain");
                }
                values.add(value(element));
            }
            if (values.isEmpty()) {
                return Result.invalid("`" + name + "." + key + "` is an empty list");
            }
        } else if (node.isValueNode() || node.isNull()) {
            values.add(value(node));
        } else {
            return Result.invalid("`" + name + "." + key + "` holds a map; values must be plain");
        }
        return Result.ok(new FieldMatch(field, modifiers, values));
    }

    static SigmaValue value(JsonNode node) {
        if (node == null || node.isNull()) {
            return new SigmaValue.SigmaNull();
        }
        if (node.isBoolean()) {
            return new SigmaValue.SigmaBool(node.booleanValue());
        }
        if (node.isNumber()) {
            return new SigmaValue.SigmaNumber(node.asText());
        }
        return SigmaStrings.parse(node.asText());
    }
}
