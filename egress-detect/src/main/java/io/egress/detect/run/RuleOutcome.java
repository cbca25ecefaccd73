package io.egress.detect.run;

import io.egress.detect.alert.Alert;
import io.egress.detect.rule.Rule;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.tuning.CompiledTuning;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one rule did in a run: result rows, rows hidden by tuning (and by which exclusion), the alerts
 * it raised, and a runtime problem if the query failed.
 *
 * @param exclusionHits exclusion id → rows it matched (a row matched by two exclusions counts for both)
 * @param fired         whether the trigger condition held on the rows left after tuning
 */
public record RuleOutcome(Rule rule, int resultRows, List<Suppressed> suppressed, Map<String, Integer> exclusionHits,
                          List<Alert> alerts, boolean fired, CompiledTuning tuning, Optional<RuleProblem> error,
                          Duration elapsed) {
    public RuleOutcome {
        suppressed = List.copyOf(suppressed);
        exclusionHits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exclusionHits));
        alerts = List.copyOf(alerts);
    }
}
