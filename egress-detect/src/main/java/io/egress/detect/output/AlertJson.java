package io.egress.detect.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.data.io.JsonLinesWriter;
import io.egress.detect.alert.Alert;
import io.egress.detect.alert.MatchedPattern;
import java.util.Map;

/**
 * An alert as one JSON object, the {@code --output jsonl} schema (documented in docs/detect.md):
 * ruleId, ruleName, title, severity, confidence, tactics, techniques, time, firstTime, lastTime, count,
 * branch, explanation, matched, entities, customDetails, evidence.
 */
public final class AlertJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    public static ObjectNode toJson(Alert alert) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("ruleId", alert.ruleId());
        out.put("ruleName", alert.ruleName());
        out.put("title", alert.title());
        out.put("severity", alert.severity().display());
        out.put("confidence", alert.confidence());
        alert.tactics().forEach(out.putArray("tactics")::add);
        alert.techniques().forEach(out.putArray("techniques")::add);
        out.set("time", value(alert.time()));
        out.set("firstTime", value(alert.firstTime()));
        out.set("lastTime", value(alert.lastTime()));
        out.put("count", alert.count());
        out.set("branch", value(alert.branch()));
        out.put("explanation", alert.explanation());
        ArrayNode matched = out.putArray("matched");
        for (MatchedPattern m : alert.matched()) {
            ObjectNode node = matched.addObject();
            node.put("field", m.field());
            node.put("operator", m.operator());
            node.put("pattern", m.pattern());
            node.put("start", m.start());
            node.put("end", m.end());
            node.put("text", m.text());
        }
        out.set("entities", map(alert.entities().toMap()));
        out.set("customDetails", map(alert.customDetails()));
        out.set("evidence", map(alert.evidence()));
        return out;
    }

    public static String line(Alert alert) {
        return toJson(alert).toString();
    }

    static ObjectNode map(Map<String, Object> values) {
        ObjectNode node = MAPPER.createObjectNode();
        values.forEach((key, value) -> node.set(key, value(value)));
        return node;
    }

    /** A cell value as JSON: datetimes as ISO-8601 UTC, timespans as Kusto text, numbers as numbers. */
    static JsonNode value(Object value) {
        return JsonLinesWriter.toJson(value);
    }
}
