package io.egress.detect.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import io.egress.detect.rule.EventGrouping;
import io.egress.detect.rule.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertGrouperTest {
    private final Rule rule = TestRules.seedRule();
    private final Entities alice = new Entities("ws01", "alice", "ftp.exe", "ftp -s:x", null, null, null);
    private final Entities bob = new Entities("ws02", "bob", "ftp.exe", "ftp -s:x", null, null, null);

    @Test
    void sameEntitiesWithinTheWindowBecomeOneAlert() {
        List<Alert> alerts = AlertGrouper.group(rule, List.of(
                hit("2026-11-20T12:00:00Z", "FtpExfil", alice),
                hit("2026-11-20T08:00:00Z", "FtpExfil", alice),
                hit("2026-11-21T07:59:59Z", "FtpExfil", alice)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(3);
            assertThat(a.firstTime()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
            assertThat(a.time()).isEqualTo(a.firstTime());
            assertThat(a.lastTime()).isEqualTo(Instant.parse("2026-11-21T07:59:59Z"));
            assertThat(a.evidence()).containsEntry("Timestamp", "2026-11-20T08:00:00Z");
            assertThat(a.title()).isEqualTo("T1048.003 FTP exfiltration from ws01");
            assertThat(a.severity().display()).isEqualTo("High");
            assertThat(a.confidence()).isEqualTo("Medium");
            assertThat(a.tactics()).containsExactly("Exfiltration");
            assertThat(a.techniques()).containsExactly("T1048.003");
            assertThat(a.ruleId()).isEqualTo(TestRules.SEED_ID);
        });
    }

    @Test
    void outsideTheWindowOrOtherEntitiesOrBranchStartANewAlert() {
        List<Alert> alerts = AlertGrouper.group(rule, List.of(
                hit("2026-11-20T08:00:00Z", "FtpExfil", alice),
                hit("2026-11-21T08:00:01Z", "FtpExfil", alice),
                hit("2026-11-20T09:00:00Z", "FtpExfil", bob),
                hit("2026-11-20T09:00:00Z", "HttpExfil", alice)));
        assertThat(alerts).hasSize(4);
        assertThat(alerts).allSatisfy(a -> assertThat(a.count()).isEqualTo(1));
        assertThat(alerts.get(0).time()).isEqualTo(Instant.parse("2026-11-21T08:00:01Z"));
    }

    @Test
    void branchDetailsSetConfidenceTechniquesAndTheExplanation() {
        Rule explained = new Rule(rule.id(), rule.name(), rule.description(), rule.severity(), rule.confidence(), rule.query(),
                rule.queryFrequency(), rule.queryPeriod(), rule.trigger(), rule.tactics(), rule.techniques(),
                rule.entityMappings(), rule.customDetails(), rule.alertDetailsOverride(), rule.grouping(), rule.version(),
                rule.dataSources(), rule.falsePositives(), rule.origin(), "Rule-level: {{DeviceName}}",
                Map.of("FtpExfil", new io.egress.detect.rule.BranchDetail("High", List.of("T1560.001", "T1048.003"),
                        "{{ExfilMethod}} script ran on {{DeviceName}}{{Missing}}.", List.of("IT jobs"), List.of("account"))));
        List<Alert> alerts = AlertGrouper.group(explained, List.of(
                hit("2026-11-20T08:00:00Z", "FtpExfil", alice), hit("2026-11-20T09:00:00Z", "HttpExfil", alice)));
        Alert ftp = alerts.stream().filter(a -> a.branch().equals("FtpExfil")).findFirst().orElseThrow();
        assertThat(ftp.confidence()).isEqualTo("High");
        assertThat(ftp.techniques()).containsExactly("T1048.003", "T1560.001");
        assertThat(ftp.explanation()).isEqualTo("FTP script ran on ws01.");
        Alert http = alerts.stream().filter(a -> a.branch().equals("HttpExfil")).findFirst().orElseThrow();
        assertThat(http.confidence()).isEqualTo("Medium");
        assertThat(http.explanation()).isEqualTo("Rule-level: ws01");
        assertThat(AlertGrouper.group(rule, List.of(hit("2026-11-20T08:00:00Z", "FtpExfil", alice))).get(0).explanation()).isEmpty();
    }

    @Test
    void alertPerResultNeverGroups() {
        Rule perResult = new Rule(rule.id(), rule.name(), rule.description(), rule.severity(), rule.confidence(), rule.query(),
                rule.queryFrequency(), rule.queryPeriod(), rule.trigger(), rule.tactics(), rule.techniques(),
                rule.entityMappings(), rule.customDetails(), Map.of(), EventGrouping.ALERT_PER_RESULT, rule.version(),
                rule.dataSources(), rule.falsePositives(), rule.origin());
        List<Alert> alerts = AlertGrouper.group(perResult, List.of(
                hit("2026-11-20T08:00:00Z", "FtpExfil", alice), hit("2026-11-20T08:00:01Z", "FtpExfil", alice)));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).title()).isEqualTo(rule.name());
    }

    private static Hit hit(String time, String branch, Entities entities) {
        return new Hit(Instant.parse(time), branch, entities, List.of(), Map.of("ExfilMethod", "FTP"),
                Map.of("Timestamp", time, "DeviceName", entities.host(), "ExfilMethod", "FTP"));
    }
}
