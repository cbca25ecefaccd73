package io.egress.sigma.parse;

import io.egress.sigma.Problem;
import io.egress.sigma.model.SigmaRule;
import java.util.Objects;
import java.util.Optional;

/** One document read from a Sigma file: the rule (metadata at least) and the problem that stops it, if any. */
public record LoadedRule(SigmaRule rule, Optional<Problem> problem) {
    public LoadedRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(problem, "problem");
    }
}
