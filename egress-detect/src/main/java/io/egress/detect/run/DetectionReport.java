package io.egress.detect.run;

import io.egress.detect.alert.Alert;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.tuning.Exclusion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A whole detection run: the anchor time, each rule's outcome, the problems of rules and tuning entries
 * that could not run, and the exclusions that were not applied because they expired.
 */
public record DetectionReport(Instant now, List<RuleOutcome> outcomes, List<RuleProblem> problems,
                              List<Exclusion> expired) {
    public DetectionReport {
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
        expired = List.copyOf(expired);
    }

    /** Every alert, newest first. */
    public List<Alert> alerts() {
        List<Alert> all = new ArrayList<>();
        outcomes.forEach(o -> all.addAll(o.alerts()));
        all.sort(Comparator.comparing(Alert::time, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Alert::ruleId));
        return all;
    }

    public List<Suppressed> suppressed() {
        List<Suppressed> all = new ArrayList<>();
        outcomes.forEach(o -> all.addAll(o.suppressed()));
        return all;
    }
}
