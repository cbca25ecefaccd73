package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
    static final Path ROOT = Path.of(System.getProperty("egress.repo.root", ".."));
    static final String SAMPLES = ROOT.resolve("samples").toString();
    static final String SEED_ID = "4ed73578-1ac2-413c-a971-623fd33fa5bb";

    @TempDir
    Path dir;

    static List<JsonNode> jsonl(String out) throws IOException {
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                alerts.add(new ObjectMapper().readTree(line));
            }
        }
        return alerts;
    }

    @Test
    void samplesGiveAnAlertForEachAtomicTestAndNoneForBenignActivity() throws IOException {
        CliRun run = CliRun.of("detect", SAMPLES, "--output", "jsonl");
        assertThat(run.exitCode()).isEqualTo(0);
        List<JsonNode> all = jsonl(run.out());
        List<JsonNode> alerts = all.stream().filter(a -> a.get("ruleId").asText().equals(SEED_ID)).toList();
        List<String> seen = alerts.stream().map(a -> a.get("branch").asText() + "/" + a.get("customDetails").get("ExfilMethod").asText()
                + "/" + a.get("entities").get("process").asText()).toList();
        assertThat(seen).containsExactlyInAnyOrder(
                "FtpExfil/FTP/ftp.exe",               // Atomic 1 (Sysmon 1 + Security 4688, grouped)
                "HttpExfil/HTTP_Upload/curl.exe",     // Atomic 2
                "DnsExfil/DNS_Tunnel/nslookup.exe",   // Atomic 3
                "SmtpExfil/SMTP/powershell.exe",      // Atomic 4
                "FtpExfil/FTP/curl",                  // Atomic 5 (auditd)
                "FtpExfil/FTP/dash");                 // Atomic 5: the sh -c parent has the same command line
        for (JsonNode alert : alerts) {
            assertThat(alert.get("severity").asText()).isEqualTo("High");
            assertThat(alert.get("confidence").asText()).isEqualTo("Medium");
            assertThat(alert.get("techniques").get(0).asText()).isEqualTo("T1048.003");
            assertThat(alert.get("matched").size()).isPositive();
            assertThat(alert.get("evidence").has("ProcessCommandLine")).isTrue();
            assertThat(alert.get("entities").get("host").asText()).doesNotStartWith("build01").doesNotStartWith("it-ops01");
        }
        JsonNode ftp = alerts.stream().filter(a -> a.get("entities").get("process").asText().equals("ftp.exe")).findFirst().orElseThrow();
        assertThat(ftp.get("count").asInt()).isEqualTo(2);
        // The v2 pack (bundled beside the seed) sees the same five tests by what speaks the protocol, explains
        // each alert, correlates test 5's tar + curl, and decodes test 3's DNS label; the benign rows stay silent.
        List<String> v2 = all.stream().filter(a -> !a.get("ruleId").asText().equals(SEED_ID))
                .map(a -> a.get("branch").asText() + "/" + a.get("customDetails").get("ExfilMethod").asText()
                        + "/" + a.get("entities").get("process").asText()).toList();
        assertThat(v2).containsExactlyInAnyOrder("FtpTftpUpload/FTP/ftp.exe", "CurlUpload/HTTP_Upload/curl.exe",
                "DnsEncodedQuery/DNS_Tunnel/nslookup.exe", "DnsEncodedCommandLine/DNS_Tunnel/nslookup.exe",
                "PsMailAttachment/SMTP/powershell.exe", "PsMailAttachment/SMTP/powershell.exe",
                "CurlUpload/FTP/curl", "StagedArchiveUpload/FTP/curl");
        assertThat(all).filteredOn(a -> !a.get("ruleId").asText().equals(SEED_ID))
                .allSatisfy(a -> assertThat(a.get("explanation").asText()).isNotBlank().doesNotContain("{{"));
        assertThat(all).filteredOn(a -> a.get("branch").asText().equals("DnsEncodedQuery"))
                .allSatisfy(a -> assertThat(a.get("evidence").get("DecodedPayload").asText()).isEqualTo("Q3 payroll: 1048 rows"));
        assertThat(run.err()).contains("now            2026-11-20T14:30:11.7410000Z (latest event)")
                .contains("suppressed     9 rows").contains("expired        pentest-2025-q3");
    }

    @Test
    void tableOutputHasNoColourWhenNotATerminalAndSummary() {
        CliRun run = CliRun.of("detect", SAMPLES, "--width", "100");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).doesNotContain("\u001b").contains("TIME (UTC)").contains("Summary")
                .contains("by detail").contains("ExfilMethod=DNS_Tunnel 3, ExfilMethod=FTP 6, ExfilMethod=HTTP_Upload 2, ExfilMethod=SMTP 3")
                .contains("DestinationClass=Loopback 2");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100 + 200));
        assertThat(run.out().lines().filter(l -> l.startsWith("2026-")).toList())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void explicitNowMovesTheAgoWindow() throws IOException {
        CliRun later = CliRun.of("detect", SAMPLES, "--output", "jsonl", "--now", "2026-11-22T00:00:00Z");
        assertThat(later.exitCode()).isEqualTo(0);
        assertThat(jsonl(later.out())).isEmpty();
        assertThat(later.err()).contains("2026-11-22T00:00:00Z (--now)");
        // ago(24h) keeps what is newer than now - 24h: only the two Atomic tests after 14:10 on the 20th.
        CliRun nextDay = CliRun.of("detect", SAMPLES, "--output", "jsonl", "--now", "2026-11-21T14:10:00Z");
        assertThat(jsonl(nextDay.out())).filteredOn(a -> a.get("ruleId").asText().equals(SEED_ID))
                .extracting(a -> a.get("entities").get("process").asText())
                .containsExactlyInAnyOrder("curl.exe", "curl", "dash");
    }

    @Test
    void failOnAlertNoTuningShowSuppressedAndCsv() {
        assertThat(CliRun.of("detect", SAMPLES, "--fail-on-alert", "-o", "jsonl").exitCode()).isEqualTo(1);
        CliRun untuned = CliRun.of("detect", SAMPLES, "--tuning", "none", "-o", "csv");
        // header, seed: 6 Atomic alerts + 7 benign rows tuning hides; v2: 8 Atomic alerts + 2 benign rows tuning hides
        assertThat(untuned.out().lines().count()).isEqualTo(1 + 6 + 7 + 8 + 2);
        assertThat(untuned.out()).startsWith("time,firstTime,lastTime,count,severity");
        CliRun shown = CliRun.of("detect", SAMPLES, "--show-suppressed");
        assertThat(shown.out()).contains("Suppressed by tuning (9)")
                .contains("by it-ftp-internal: IT operations upload release builds");
    }

    @Test
    void tuningFileReplacesTheBundledOneAndExpiredEntriesAreReported() throws IOException {
        Path tuning = dir.resolve("tuning.yaml");
        Files.writeString(tuning, """
                exclusions:
                  - {id: old-ftp, reason: r, process: [ftp.exe], expires: 2026-11-19}
                  - {id: dns-lab, reason: lab, branch: DnsExfil, commandLine: {regex: 'exfil\\.example\\.com'}}
                """);
        CliRun run = CliRun.of("detect", SAMPLES, "-o", "jsonl", "--tuning", tuning.toString());
        assertThat(run.exitCode()).isEqualTo(0);
        List<JsonNode> seed = jsonl(run.out()).stream().filter(a -> a.get("ruleId").asText().equals(SEED_ID)).toList();
        assertThat(seed).extracting(a -> a.get("entities").get("process").asText()).contains("ftp.exe").doesNotContain("nslookup.exe");
        assertThat(run.err()).contains("expired        old-ftp (expired 2026-11-19, not applied)").contains("dns-lab 1");
    }

    @Test
    void badRulesAreReportedAndTheOthersStillRun() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "id: b\nname: [oops\n");
        Files.writeString(dir.resolve("typo.kql"), "// @id typo\nDeviceProcessEvents\n| where ProcesCommandLine has \"ftp\"\n");
        Files.writeString(dir.resolve("curl.kql"), "// @id curl-any\n// @severity Low\nDeviceProcessEvents | where FileName =~ \"curl\"\n");
        CliRun run = CliRun.of("detect", SAMPLES, "-o", "jsonl", "--rules", dir.toString());
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).contains(dir.resolve("broken.yaml") + ":").contains("error RULE001")
                .contains(dir.resolve("typo.kql") + ":3:9: error").contains("rules          9 run, 2 could not run");
        assertThat(run.out()).contains("\"ruleId\":\"curl-any\"").contains("\"ruleId\":\"4ed73578-1ac2-413c-a971-623fd33fa5bb\"");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRun.of("detect", "no/such/path").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("detect", SAMPLES, "--now", "yesterday").err()).contains("--now 'yesterday' is not a datetime");
        assertThat(CliRun.of("detect", SAMPLES, "-o", "xml").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("detect", SAMPLES, "--tuning", "missing.yaml").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("detect").exitCode()).isEqualTo(2);
    }
}
