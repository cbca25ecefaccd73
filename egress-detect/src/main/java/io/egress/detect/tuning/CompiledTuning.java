package io.egress.detect.tuning;

import java.util.List;

/**
 * The tuning of one rule as a KQL query over the rule's result ({@code RuleResult}): it adds a bool
 * column {@code __ex_i} per exclusion, evaluated by the engine; {@code exclusions.get(i)} is the
 * exclusion behind {@code __ex_i}.
 *
 * @param notApplicable exclusions targeting this rule whose conditions name entities the result does not have
 */
public record CompiledTuning(String query, List<Exclusion> exclusions, List<String> predicates,
                             List<Exclusion> notApplicable) {
    public static final String INPUT_TABLE = "RuleResult";

    public CompiledTuning {
        exclusions = List.copyOf(exclusions);
        predicates = List.copyOf(predicates);
        notApplicable = List.copyOf(notApplicable);
    }

    public static String column(int index) {
        return "__ex_" + index;
    }

    public boolean isEmpty() {
        return exclusions.isEmpty();
    }
}
