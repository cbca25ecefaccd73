package io.egress.sigma.compile;

import io.egress.sigma.Problem;
import io.egress.sigma.mapping.FieldTarget;
import io.egress.sigma.mapping.LogSourceMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What compiling one rule collects: the log-source mapping in use, fields it lacks, and problems met. */
final class RuleContext {
    private final LogSourceMapping mapping;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> missingFields = new TreeSet<>();
    private final Set<String> neverNotes = new LinkedHashSet<>();

    RuleContext(LogSourceMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    LogSourceMapping mapping() {
        return mapping;
    }

    /** The target of a Sigma field, or empty (and the field is remembered as missing). */
    Optional<FieldTarget> target(String field) {
        Optional<FieldTarget> target = mapping.field(field);
        if (target.isEmpty()) {
            missingFields.add(field);
        }
        return target;
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    /** Records why part of the rule can never match (it folded to {@code false}). */
    void never(String note) {
        neverNotes.add(note);
    }

    List<Problem> problems() {
        return problems;
    }

    Set<String> missingFields() {
        return missingFields;
    }

    Set<String> neverNotes() {
        return neverNotes;
    }
}
