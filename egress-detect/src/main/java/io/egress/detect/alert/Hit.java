package io.egress.detect.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One surviving result row of a rule, read into alert terms, before grouping.
 *
 * @param evidence the full result row, column → value (internal columns removed)
 */
public record Hit(Instant time, String branch, Entities entities, List<MatchedPattern> matched,
                  Map<String, Object> customDetails, Map<String, Object> evidence) {
    public Hit {
        matched = List.copyOf(matched);
        customDetails = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customDetails));
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
