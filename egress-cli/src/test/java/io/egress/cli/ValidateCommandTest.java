package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void bundledScenariosPass() {
        CliRun run = CliRun.of("validate", DetectCommandTest.ROOT.resolve("rules/T1048.003/scenarios").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("atomic-4-send-mailmessage-smtp   -         -          -         HIT        gap                    ok")
                .contains("benign-false-positives").contains("7 scenarios, 7 passed, 0 failed").contains("Known gaps:");
    }

    @Test
    void withoutDirItRunsEveryBundledPacksScenariosFromTheJar() {
        CliRun run = CliRun.of("validate");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.err()).contains("running the bundled scenarios");
        assertThat(run.out()).contains("RULE Exfiltration over unencrypted non-C2 protocol")
                .contains("RULE T1048.003 v2: file upload over plaintext protocol by a transfer tool")
                .contains("transfer-near-tls-downloads-local").contains("atomic-1-ftp-native-client")
                .containsPattern("\\d+ scenarios, \\d+ passed, 0 failed");
    }

    @Test
    void aFailingScenarioExitsOneAndBadInputTwo() throws IOException {
        Path s = Files.createDirectories(dir.resolve("wrong"));
        Files.writeString(s.resolve("DeviceProcessEvents.jsonl"), "{\"Timestamp\":\"2026-11-20T10:00:00Z\",\"DeviceName\":\"ws01\","
                + "\"ActionType\":\"ProcessCreated\",\"FileName\":\"ftp.exe\",\"ProcessCommandLine\":\"ftp -s:x\"}\n");
        Files.writeString(s.resolve("expect.yaml"), "rule: 4ed73578-1ac2-413c-a971-623fd33fa5bb\nfires: [DnsExfil]\n");
        CliRun run = CliRun.of("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FP!").contains("MISS!").contains("1 scenarios, 0 passed, 1 failed");
        assertThat(CliRun.of("validate", dir.resolve("none").toString()).exitCode()).isEqualTo(2);
        Files.writeString(s.resolve("expect.yaml"), "fires: [DnsExfil]\n");
        assertThat(CliRun.of("validate", dir.toString()).exitCode()).isEqualTo(2);
    }
}
