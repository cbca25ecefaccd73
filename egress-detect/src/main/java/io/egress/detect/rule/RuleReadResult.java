package io.egress.detect.rule;

import java.util.List;
import java.util.Optional;

/** What reading one rule file gave: the rule, or the problems that stop it from running. */
public record RuleReadResult(Optional<Rule> rule, List<RuleProblem> problems) {
    public RuleReadResult {
        problems = List.copyOf(problems);
    }

    public static RuleReadResult of(Rule rule) {
        return new RuleReadResult(Optional.of(rule), List.of());
    }

    public static RuleReadResult failed(List<RuleProblem> problems) {
        return new RuleReadResult(Optional.empty(), problems);
    }
}
