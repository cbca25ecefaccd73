package io.egress.detect.run;

import io.egress.data.Schema;
import io.egress.detect.alert.EntityExtractor;
import io.egress.detect.alert.MatchFinder;
import io.egress.detect.query.QueryStructure;
import io.egress.detect.rule.Rule;
import io.egress.kql.engine.Compilation;
import java.util.Map;
import java.util.Objects;

/**
 * A rule ready to run: its query compiled with the branch column added, and everything that reads its
 * result rows (entity extractor, per-branch pattern finders) prepared for the result schema.
 *
 * @param branchColumn the result column naming each row's branch, or null for a rule without branches
 */
public record CompiledRule(Rule rule, QueryStructure structure, Compilation compilation, String branchColumn,
                           EntityExtractor entities, Map<String, MatchFinder> matchers) {
    public CompiledRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(compilation, "compilation");
        matchers = Map.copyOf(matchers);
    }

    public Schema resultSchema() {
        return compilation.resultSchema();
    }

    /** The finder for a row's branch ("" for a rule without branches). */
    public MatchFinder matcher(String branch) {
        return matchers.getOrDefault(branch == null ? "" : branch, matchers.get(""));
    }
}
