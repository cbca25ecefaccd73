package io.egress.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import io.egress.detect.query.QueryStructure;
import io.egress.detect.run.DetectPipeline;
import io.egress.detect.run.RuleCompiler;
import io.egress.detect.tuning.Exclusion;
import io.egress.detect.tuning.Tuning;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.KqlEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second-generation T1048.003 pack: every rule compiles, and every branch states what docs/pack-v2.md promises. */
class V2PackTest {
    private static final Set<String> CONFIDENCE = Set.of("High", "Medium", "Low");

    private static List<Rule> v2() {
        return new RuleLoader().bundled().rules().stream().filter(r -> TestRules.V2_IDS.contains(r.id())).toList();
    }

    @Test
    void everyRuleCompilesAgainstTheTelemetryTables() {
        RuleCompiler.Result result = new RuleCompiler(new KqlEngine(), Catalog.defender()).compile(v2());
        assertThat(result.problems()).isEmpty();
        assertThat(result.rules()).hasSize(TestRules.V2_IDS.size());
    }

    @Test
    void everyBranchHasConfidenceExplanationAndTuningKeysAndEveryRuleItsMitreMapping() {
        Set<String> branchNames = new HashSet<>();
        for (Rule rule : v2()) {
            assertThat(rule.tactics()).as(rule.name()).contains("Exfiltration");
            assertThat(rule.techniques()).as(rule.name()).contains("T1048.003");
            assertThat(rule.customDetails()).as(rule.name()).containsEntry("ExfilMethod", "ExfilMethod");
            assertThat(rule.falsePositives()).as(rule.name()).isNotEmpty();
            List<String> legs = QueryStructure.analyze(rule.query()).unionLegs();
            assertThat(legs).as(rule.name()).isNotEmpty();
            assertThat(rule.branchDetails().keySet()).as(rule.name()).containsExactlyInAnyOrderElementsOf(legs);
            for (String leg : legs) {
                BranchDetail d = rule.branchDetail(leg);
                assertThat(d.confidence()).as(leg).isIn(CONFIDENCE);
                assertThat(d.explanation()).as(leg).contains("{{");
                assertThat(d.tuningKeys()).as(leg).isNotEmpty();
                assertThat(branchNames.add(leg)).as("branch names are unique across the pack: " + leg).isTrue();
            }
        }
    }

    @Test
    void bundledTuningMergesBothPacksAndScopesV2ExclusionsToV2Rules() {
        Tuning tuning = DetectPipeline.bundledTuning();
        assertThat(tuning.problems()).isEmpty();
        assertThat(tuning.source()).contains("rules/T1048.003/tuning.yaml").contains("rules/T1048.003-v2/tuning.yaml");
        List<Exclusion> v2 = tuning.exclusions().stream().filter(e -> e.id().startsWith("v2-")).toList();
        assertThat(v2).hasSizeGreaterThanOrEqualTo(10).allSatisfy(e -> assertThat(TestRules.V2_IDS).contains(e.rule()));
        assertThat(tuning.exclusions()).extracting(Exclusion::id).doesNotHaveDuplicates().contains("it-ftp-internal");
    }
}
