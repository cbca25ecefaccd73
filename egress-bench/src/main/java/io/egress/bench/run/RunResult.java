package io.egress.bench.run;

import java.util.List;
import java.util.Map;

/**
 * The result of one run: its rows as comparison keys (see {@link ResultKeys}) and how long each phase
 * took (for Egress: reading the JSON lines and executing the query).
 */
public record RunResult(List<String> keys, Map<String, Long> phaseNanos) {
    public RunResult {
        keys = List.copyOf(keys);
        phaseNanos = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseNanos));
    }

    public int rowCount() {
        return keys.size();
    }
}
