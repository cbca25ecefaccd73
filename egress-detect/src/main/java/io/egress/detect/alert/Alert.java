package io.egress.detect.alert;

import io.egress.detect.rule.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alert: one or more result rows of a rule with the same branch and entities within the rule's
 * window. {@code time} is {@code firstTime}; {@code matched}, {@code customDetails} and
 * {@code evidence} come from the first row.
 */
public record Alert(String ruleId, String ruleName, String title, Severity severity, String confidence,
                    List<String> tactics, List<String> techniques, Instant time, Instant firstTime, Instant lastTime,
                    int count, String branch, List<MatchedPattern> matched, Entities entities,
                    Map<String, Object> customDetails, Map<String, Object> evidence) {
    public Alert {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(severity, "severity");
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        matched = List.copyOf(matched);
        Objects.requireNonNull(entities, "entities");
        customDetails = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customDetails));
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
