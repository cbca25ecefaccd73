package io.egress.bench.benign;

import java.util.List;
import java.util.Map;

/**
 * What one rule pack raised on the benign corpus.
 *
 * @param events     rows in the corpus
 * @param windows    how many scheduled runs each rule had (the corpus span cut into query periods)
 * @param rules      per rule, in pack order
 * @param problems   rules or tuning entries that could not run, as text
 */
public record PackMeasurement(String pack, String tuningSource, long events, int windows, List<RuleMeasurement> rules,
                              List<String> problems) {
    public PackMeasurement {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    public long alerts(boolean tuned) {
        return rules.stream().mapToLong(r -> tuned ? r.alertsTuned() : r.alertsUntuned()).sum();
    }

    public double perMillion(long count) {
        return events == 0 ? 0 : count * 1_000_000.0 / events;
    }

    /**
     * One rule: result rows and alerts without tuning and with the pack's tuning, per branch, rows each
     * exclusion hid, and the most frequent alerting rows (with tuning).
     */
    public record RuleMeasurement(String ruleId, String ruleName, long rows, long alertsUntuned, long alertsTuned,
                                  Map<String, long[]> branches, Map<String, Long> suppressedBy, List<TopRow> top) {
        public RuleMeasurement {
            branches = Map.copyOf(branches);
            suppressedBy = Map.copyOf(suppressedBy);
            top = List.copyOf(top);
        }
    }

    /** Alerts that share branch, process and command line shape (digits folded), with one example. */
    public record TopRow(String branch, String process, String shape, long alerts, long rows, String exampleHost,
                         String exampleText) {
    }
}
