package io.egress.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
    @TempDir
    Path dir;

    private static final String EVENTS = """
            {"Timestamp":"2026-11-20T10:00:00Z","DeviceName":"ws01","ActionType":"ProcessCreated","AccountName":"alice","FileName":"ftp.exe","ProcessCommandLine":"ftp -s:C:\\\\t\\\\s.txt","InitiatingProcessFileName":"cmd.exe"}
            """;

    @Test
    void judgesEveryCellKind() throws IOException {
        scenario("hit", "fires:\n  - {branch: FtpExfil, customDetails: {ExfilMethod: FTP}}\n");
        scenario("miss", "fires: [HttpExfil]\nknownMisses:\n  - {branch: FtpExfil, reason: test}\n");
        scenario("fp", "silent: [FtpExfil]\n");
        List<ScenarioResult> results = new ScenarioLoader().load(dir).scenarios().stream().map(new Validator()::validate).toList();
        assertThat(results).extracting(r -> r.scenario().name()).containsExactly("fp", "hit", "miss");
        ScenarioResult fp = results.get(0);
        assertThat(fp.cells()).containsEntry("FtpExfil", Cell.FALSE_POSITIVE).containsEntry("HttpExfil", Cell.SILENT);
        assertThat(fp.passed()).isFalse();
        ScenarioResult hit = results.get(1);
        assertThat(hit.cells()).containsEntry("FtpExfil", Cell.HIT);
        assertThat(hit.passed()).isTrue();
        ScenarioResult miss = results.get(2);
        assertThat(miss.cells()).containsEntry("HttpExfil", Cell.MISS).containsEntry("FtpExfil", Cell.GAP_CLOSED);
        assertThat(miss.failures()).hasSize(2);
        List<String> matrix = ValidationMatrix.render(results);
        assertThat(matrix.get(0)).startsWith("RULE Exfiltration over unencrypted").endsWith("(" + TestRules.SEED_ID + ")");
        assertThat(matrix.get(1)).startsWith("SCENARIO  FtpExfil  HttpExfil  DnsExfil  SmtpExfil  PlaintextNetworkExfil  RESULT");
        assertThat(matrix.get(2)).startsWith("fp        FP!").endsWith("FAIL");
        assertThat(matrix).contains("3 scenarios, 1 passed, 2 failed");
    }

    @Test
    void reportsBadExpectFiles() throws IOException {
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/expect.yaml"), "fires: [FtpExfil]\n");
        ScenarioLoader.Loaded loaded = new ScenarioLoader().load(dir);
        assertThat(loaded.scenarios()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("missing 'rule'"));
    }

    private void scenario(String name, String expect) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("DeviceProcessEvents.jsonl"), EVENTS);
        Files.writeString(folder.resolve("expect.yaml"), "rule: " + TestRules.SEED_ID + "\n" + expect);
    }
}
