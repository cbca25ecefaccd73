package io.egress.detect.validate;

import io.egress.detect.run.DetectRun;
import java.util.List;
import java.util.Map;

/**
 * A scenario's verdict per branch, and what went wrong (empty when it passed).
 *
 * @param rule the judged rule as "name (id)", or the expect.yaml's reference when no loaded rule matches
 */
public record ScenarioResult(Scenario scenario, String rule, Map<String, Cell> cells, List<String> failures, DetectRun run) {
    public ScenarioResult {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
