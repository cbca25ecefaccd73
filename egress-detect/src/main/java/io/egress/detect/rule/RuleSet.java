package io.egress.detect.rule;

import java.util.ArrayList;
import java.util.List;

/** The rules that loaded, and the problems of those that did not. */
public record RuleSet(List<Rule> rules, List<RuleProblem> problems) {
    public RuleSet {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    public RuleSet plus(RuleSet other) {
        List<Rule> allRules = new ArrayList<>(rules);
        allRules.addAll(other.rules);
        List<RuleProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        return new RuleSet(allRules, allProblems);
    }
}
