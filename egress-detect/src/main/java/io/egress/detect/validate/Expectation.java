package io.egress.detect.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario expects of one rule: branches that must fire (optionally with given custom details),
 * branches that are known to miss the activity (a documented blind spot, with the reason), and
 * exclusions that must hide at least one row. Every other branch must stay silent.
 */
public record Expectation(String rule, List<Fire> fires, List<KnownMiss> knownMisses, List<String> silent,
                          List<String> suppressedBy) {
    public Expectation {
        Objects.requireNonNull(rule, "rule");
        fires = List.copyOf(fires);
        knownMisses = List.copyOf(knownMisses);
        silent = List.copyOf(silent);
        suppressedBy = List.copyOf(suppressedBy);
    }

    /** A branch that must raise at least one alert with these custom details. */
    public record Fire(String branch, Map<String, String> customDetails) {
        public Fire {
            Objects.requireNonNull(branch, "branch");
            customDetails = Map.copyOf(customDetails);
        }
    }

    /** A branch that should catch the activity but does not, and why. */
    public record KnownMiss(String branch, String reason) {
        public KnownMiss {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
