package io.egress.detect.tuning;

import io.egress.detect.rule.RuleProblem;
import java.time.LocalDate;
import java.util.List;

/** A tuning file: its exclusions, and the problems of entries that could not be read (those are skipped). */
public record Tuning(String source, List<Exclusion> exclusions, List<RuleProblem> problems) {
    public static final Tuning NONE = new Tuning("none", List.of(), List.of());

    public Tuning {
        exclusions = List.copyOf(exclusions);
        problems = List.copyOf(problems);
    }

    /** Exclusions past their {@code expires} date: reported, never applied. */
    public List<Exclusion> expired(LocalDate today) {
        return exclusions.stream().filter(e -> e.isExpired(today)).toList();
    }

    public List<Exclusion> active(LocalDate today) {
        return exclusions.stream().filter(e -> !e.isExpired(today)).toList();
    }
}
