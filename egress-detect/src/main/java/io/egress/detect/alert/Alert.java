package io.egress.detect.alert;

import io.egress.detect.rule.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alert: one or more result rows of a rule with the same branch and entities within the rule's
 * window. {@code time} is {@code firstTime}; {@code matched}, {@code customDetails},
 * {@code evidence} and {@code explanation} come from the first row. {@code explanation} is the rule's (or its
 * branch's) plain-language sentence with the row's values filled in; empty when the rule has none.
 */
public record Alert(String ruleId, String ruleName, String title, Severity severity, String confidence,
                    List<String> tactics, List<String> techniques, Instant time, Instant firstTime, Instant lastTime,
                    int count, String branch, List<MatchedPattern> matched, Entities entities,
                    Map<String, Object> customDetails, Map<String, Object> evidence, String explanation) {
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
        explanation = explanation == null ? "" : explanation;
    }

    /** An alert without an explanation (the form before rules could carry one). */
    public Alert(String ruleId, String ruleName, String title, Severity severity, String confidence,
                 List<String> tactics, List<String> techniques, Instant time, Instant firstTime, Instant lastTime,
                 int count, String branch, List<MatchedPattern> matched, Entities entities,
                 Map<String, Object> customDetails, Map<String, Object> evidence) {
        this(ruleId, ruleName, title, severity, confidence, tactics, techniques, time, firstTime, lastTime, count, branch,
                matched, entities, customDetails, evidence, "");
    }
}
