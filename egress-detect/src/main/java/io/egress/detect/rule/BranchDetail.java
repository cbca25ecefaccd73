package io.egress.detect.rule;

import java.util.List;
import java.util.Objects;

/**
 * Per-branch metadata of a rule (Egress extension {@code branchDetails:} in Sentinel YAML): what an alert
 * of that branch says about itself. Empty fields fall back to the rule's own values.
 *
 * @param confidence     overrides the rule's confidence for alerts of this branch ({@code High}, {@code Medium}, {@code Low})
 * @param techniques     MITRE techniques added to the rule's for alerts of this branch
 * @param explanation    a plain-language sentence with {@code {{Column}}} placeholders, filled from the result row
 * @param falsePositives known benign causes of this branch
 * @param tuningKeys     the tuning.yaml keys that address those false positives
 */
public record BranchDetail(String confidence, List<String> techniques, String explanation, List<String> falsePositives,
                           List<String> tuningKeys) {
    public static final BranchDetail NONE = new BranchDetail("", List.of(), "", List.of(), List.of());

    public BranchDetail {
        confidence = confidence == null ? "" : confidence;
        techniques = List.copyOf(Objects.requireNonNull(techniques, "techniques"));
        explanation = explanation == null ? "" : explanation;
        falsePositives = List.copyOf(Objects.requireNonNull(falsePositives, "falsePositives"));
        tuningKeys = List.copyOf(Objects.requireNonNull(tuningKeys, "tuningKeys"));
    }
}
