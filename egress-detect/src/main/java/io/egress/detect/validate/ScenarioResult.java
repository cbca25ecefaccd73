package io.egress.detect.validate;

import io.egress.detect.run.DetectRun;
import java.util.List;
import java.util.Map;

/** A scenario's verdict per branch, and what went wrong (empty when it passed). */
public record ScenarioResult(Scenario scenario, Map<String, Cell> cells, List<String> failures, DetectRun run) {
    public ScenarioResult {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
