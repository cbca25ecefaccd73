package io.egress.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KqlHeaderRuleReaderTest {
    private final KqlHeaderRuleReader reader = new KqlHeaderRuleReader();

    @Test
    void readsEveryHeaderKey() {
        String text = """
                // @id curl-upload
                // @name curl uploads a file over plain HTTP
                // @description Flags curl -T to http:// URLs.
                // @severity Low
                // @confidence High
                // @tactics Exfiltration, CommandAndControl
                // @techniques T1048.003
                // @queryFrequency 30m
                // @queryPeriod PT2H
                // @trigger gt 1
                // @entity Host.HostName = DeviceName
                // @entity Account.Name = AccountName
                // @customDetail Tool = FileName
                // @grouping AlertPerResult
                // @version 2.0
                // @dataSources DeviceProcessEvents
                // @falsePositive Build agents
                // @falsePositive Admins
                // a plain comment is fine
                DeviceProcessEvents
                | where FileName =~ "curl.exe" and ProcessCommandLine has "-T"
                """;
        RuleReadResult result = reader.read("rules/curl-upload.kql", text);
        assertThat(result.problems()).isEmpty();
        Rule rule = result.rule().orElseThrow();
        assertThat(rule.id()).isEqualTo("curl-upload");
        assertThat(rule.name()).isEqualTo("curl uploads a file over plain HTTP");
        assertThat(rule.description()).isEqualTo("Flags curl -T to http:// URLs.");
        assertThat(rule.severity()).isEqualTo(Severity.LOW);
        assertThat(rule.confidence()).isEqualTo("High");
        assertThat(rule.tactics()).containsExactly("Exfiltration", "CommandAndControl");
        assertThat(rule.techniques()).containsExactly("T1048.003");
        assertThat(rule.queryFrequency()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.queryPeriod()).isEqualTo(Duration.ofHours(2));
        assertThat(rule.trigger()).isEqualTo(new Trigger(Trigger.Operator.GT, 1));
        assertThat(rule.entityMappings()).hasSize(2);
        assertThat(rule.entityMappings().get(1).fieldMappings().get(0))
                .isEqualTo(new EntityMapping.FieldMapping("Name", "AccountName"));
        assertThat(rule.customDetails()).containsEntry("Tool", "FileName");
        assertThat(rule.grouping()).isEqualTo(EventGrouping.ALERT_PER_RESULT);
        assertThat(rule.version()).isEqualTo("2.0");
        assertThat(rule.dataSources()).containsExactly("DeviceProcessEvents");
        assertThat(rule.falsePositives()).containsExactly("Build agents", "Admins");
        assertThat(rule.query()).isEqualTo(text);
        assertThat(rule.origin()).isEqualTo(new QueryOrigin("rules/curl-upload.kql", 1, 0));
    }

    @Test
    void defaultsIdAndNameToTheFileName() {
        Rule rule = reader.read("x/my-rule.kql", "DeviceProcessEvents | take 1").rule().orElseThrow();
        assertThat(rule.id()).isEqualTo("my-rule");
        assertThat(rule.name()).isEqualTo("my-rule");
        assertThat(rule.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void reportsUnknownKeysAndBadValuesWithPositions() {
        String text = "// @id a\n// @sevrity High\n//   @queryPeriod soon\nDeviceProcessEvents\n";
        RuleReadResult result = reader.read("a.kql", text);
        assertThat(result.rule()).isEmpty();
        assertThat(result.problems()).extracting(RuleProblem::headline).containsExactly(
                "a.kql:2:4: error RULE005: unknown header key '@sevrity'",
                "a.kql:3:6: error RULE004: cannot read duration 'soon' of @queryPeriod");
    }
}
