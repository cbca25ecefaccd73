package io.egress.bench.benign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small measurement end to end: generate 20k events, run the seed pack through egress detect's code, with and without tuning. */
class FpMeasureTest {
    private static final Path SEED_PACK = Path.of("..", "rules", "T1048.003");

    @Test
    void seedPackOnTwentyThousandEvents(@TempDir Path dir) throws IOException {
        BenignConfig config = BenignConfig.of(20_000, 3, 150);
        FpMain.Generated g = FpMain.generate(config, dir.resolve("corpus"));
        FpMeasure measure = FpMeasure.load(dir.resolve("corpus"), config.start(), config.end());
        assertThat(measure.events()).isEqualTo(20_000);

        PackMeasurement m = measure.measure(SEED_PACK, 5);
        assertThat(m.problems()).isEmpty();
        assertThat(m.windows()).isEqualTo(3);
        assertThat(m.rules()).hasSize(1);
        PackMeasurement.RuleMeasurement rule = m.rules().get(0);
        assertThat(rule.ruleId()).isEqualTo("4ed73578-1ac2-413c-a971-623fd33fa5bb");
        // the tuning hides the scanner, the Nexus uploads, WinSCP/FileZilla and blat; what is left is fewer alerts
        assertThat(rule.suppressedBy().get("authorized-scanner")).isPositive();
        assertThat(rule.suppressedBy().get("devops-artifact-upload")).isPositive();
        assertThat(rule.suppressedBy().get("it-ftp-internal")).isPositive();
        assertThat(rule.suppressedBy().get("notification-mail-relay")).isPositive();
        assertThat(rule.alertsTuned()).isPositive().isLessThan(rule.alertsUntuned());
        assertThat(rule.branches().keySet()).contains("PlaintextNetworkExfil", "HttpExfil");
        long tunedByBranch = rule.branches().values().stream().mapToLong(v -> v[2]).sum();
        assertThat(tunedByBranch).isEqualTo(rule.alertsTuned());
        assertThat(rule.top()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(rule.top().get(0).alerts()).isGreaterThanOrEqualTo(rule.top().get(rule.top().size() - 1).alerts());

        String report = FpReport.headline(List.of(m)) + FpReport.details(m) + FpReport.corpus(config, g.counts());
        assertThat(report).contains("| ../rules/T1048.003 | 20,000 |", "PlaintextNetworkExfil", "BUILD_AGENTS");
        assertThat(m.perMillion(m.alerts(true))).isEqualTo(m.alerts(true) * 50.0);
    }

    @Test
    void aPackFolderListsOnlyItsTopLevelRuleFiles() throws IOException {
        assertThat(FpMeasure.ruleFiles(SEED_PACK)).extracting(p -> p.getFileName().toString())
                .containsExactly("T1048.003-exfiltration-unencrypted-protocol.yaml");
        assertThat(Files.isDirectory(SEED_PACK.resolve("sigma"))).isTrue();
    }
}
