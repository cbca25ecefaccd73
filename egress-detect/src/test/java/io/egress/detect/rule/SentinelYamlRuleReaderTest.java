package io.egress.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentinelYamlRuleReaderTest {
    private final SentinelYamlRuleReader reader = new SentinelYamlRuleReader();

    @Test
    void readsTheBundledSeedRuleWithItsMetadata() {
        Rule rule = TestRules.seedRule();
        assertThat(rule.id()).isEqualTo(TestRules.SEED_ID);
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
        assertThat(rule.confidence()).isEqualTo("Medium");
        assertThat(rule.tactics()).containsExactly("Exfiltration");
        assertThat(rule.techniques()).containsExactly("T1048.003");
        assertThat(rule.queryFrequency()).isEqualTo(Duration.ofHours(1));
        assertThat(rule.queryPeriod()).isEqualTo(Duration.ofDays(1));
        assertThat(rule.trigger()).isEqualTo(new Trigger(Trigger.Operator.GT, 0));
        assertThat(rule.customDetails()).containsEntry("ExfilMethod", "ExfilMethod");
        assertThat(rule.grouping()).isEqualTo(EventGrouping.SINGLE_ALERT);
        assertThat(rule.falsePositives()).hasSize(5);
        assertThat(rule.dataSources()).contains("Process: Process Creation", "DeviceProcessEvents", "DeviceNetworkEvents");
        assertThat(rule.entityMappings()).extracting(EntityMapping::entityType)
                .containsExactly("Host", "Account", "Account", "Process", "File", "IP", "URL");
        assertThat(rule.query()).startsWith("let FtpTools = dynamic([").contains("union FtpExfil, HttpExfil");
        assertThat(rule.alertDetailsOverride()).containsKey("alertDisplayNameFormat");
    }

    @Test
    void readsExplanationAndBranchDetails() {
        String text = """
                id: r2
                name: Branchy
                severity: Medium
                explanation: "{{FileName}} did it"
                branchDetails:
                  A:
                    confidence: Low
                    techniques: [T1560.001]
                    explanation: "A fired on {{DeviceName}}"
                    falsePositives: [backup jobs]
                    tuningKeys: [account, domain]
                query: |
                  let A = DeviceProcessEvents;
                  union A
                """;
        Rule rule = reader.read("r2.yaml", text).rule().orElseThrow();
        assertThat(rule.explanation()).isEqualTo("{{FileName}} did it");
        BranchDetail a = rule.branchDetail("A");
        assertThat(a.confidence()).isEqualTo("Low");
        assertThat(a.techniques()).containsExactly("T1560.001");
        assertThat(a.explanation()).isEqualTo("A fired on {{DeviceName}}");
        assertThat(a.falsePositives()).containsExactly("backup jobs");
        assertThat(a.tuningKeys()).containsExactly("account", "domain");
        assertThat(rule.branchDetail("B")).isEqualTo(BranchDetail.NONE);
        assertThat(rule.branchDetail(null)).isEqualTo(BranchDetail.NONE);
        assertThat(TestRules.seedRule().branchDetails()).isEmpty();
    }

    @Test
    void mapsQueryOffsetsToFilePositionsOfTheBlockScalar() {
        String text = """
                id: r1
                name: Test
                severity: Low
                query: |
                  DeviceProcessEvents
                  | where FileName == "x"
                """;
        Rule rule = reader.read("r.yaml", text).rule().orElseThrow();
        int offset = rule.query().indexOf("FileName");
        assertThat(rule.origin().position(rule.query(), offset)).isEqualTo(new FilePosition("r.yaml", 6, 11));
        assertThat(text.lines().toList().get(5).substring(10)).startsWith("FileName");
    }

    @Test
    void reportsBadYamlWithItsPosition() {
        RuleReadResult result = reader.read("bad.yaml", "id: x\nname: [unclosed\nquery: |\n  T\n");
        assertThat(result.rule()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("RULE001");
            assertThat(p.position().file()).isEqualTo("bad.yaml");
            assertThat(p.position().line()).isGreaterThanOrEqualTo(2);
            assertThat(p.headline()).startsWith("bad.yaml:").contains("error RULE001: invalid YAML");
        });
    }

    @Test
    void reportsMissingFieldsBadSeverityAndBadDurationsAtTheirKeys() {
        String text = "id: x\nseverity: Critical\nqueryPeriod: forever\nquery: T\n";
        RuleReadResult result = reader.read("r.yaml", text);
        assertThat(result.rule()).isEmpty();
        List<String> headlines = result.problems().stream().map(RuleProblem::headline).toList();
        assertThat(headlines).contains(
                "r.yaml:1:1: error RULE002: missing field 'name'",
                "r.yaml:2:1: error RULE003: unknown severity 'Critical'",
                "r.yaml:3:1: error RULE004: cannot read duration 'forever' of queryPeriod");
        assertThat(result.problems().get(1).line()).isEqualTo("severity: Critical");
    }

    @Test
    void readsTriggerGroupingAndIsoDurations() {
        String text = """
                id: r2
                name: Two
                severity: Medium
                queryFrequency: PT5M
                queryPeriod: PT1H
                triggerOperator: GreaterThan
                triggerThreshold: 3
                eventGroupingSettings:
                  aggregationKind: AlertPerResult
                query: "DeviceProcessEvents"
                """;
        Rule rule = reader.read("r.yaml", text).rule().orElseThrow();
        assertThat(rule.queryFrequency()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rule.queryPeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(rule.trigger().fires(3)).isFalse();
        assertThat(rule.trigger().fires(4)).isTrue();
        assertThat(rule.grouping()).isEqualTo(EventGrouping.ALERT_PER_RESULT);
        assertThat(rule.origin().position(rule.query(), 0)).isEqualTo(new FilePosition("r.yaml", 10, 9));
    }
}
