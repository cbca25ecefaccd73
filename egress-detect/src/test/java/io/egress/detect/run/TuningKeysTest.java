package io.egress.detect.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.Rows;
import io.egress.detect.rule.RuleLoader;
import io.egress.detect.tuning.Tuning;
import io.egress.detect.tuning.TuningLoader;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.KqlEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every tuning key, evaluated by the engine on the seed rule's real result rows. */
class TuningKeysTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final List<CompiledRule> SEED =
            new RuleCompiler(ENGINE, Catalog.defender()).compile(new RuleLoader().bundled().rules().stream()
                    .filter(r -> r.id().equals(io.egress.detect.TestRules.SEED_ID)).toList()).rules();

    /** Four rows: two process rows (FtpExfil, HttpExfil) and two network rows (PlaintextNetworkExfil). */
    private static Rows rows() {
        return new Rows()
                .process("2026-11-20T10:00:00Z", "ws01.corp.example.com", "alice", "ftp.exe", "ftp -s:C:\\t\\s.txt", "cmd.exe")
                .process("2026-11-20T10:01:00Z", "build01.corp.example.com", "ci-bot", "curl.exe",
                        "curl.exe --upload-file a.jar http://nexus.corp.example.com:8081/r/a.jar", "java.exe")
                .network("2026-11-20T10:02:00Z", "mon01", "svc_mon", "zabbix_agentd.exe", "203.0.113.40", 8080, "Public")
                .network("2026-11-20T10:03:00Z", "ws02", "bob", "python.exe", "198.51.100.9", 21, "Public");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "account: [CORP\\\\alice]                        | 1",
            "account: [svc_mon, bob]                         | 2",
            "device: [ws01]                                  | 1",
            "device: [BUILD01.corp.example.com]              | 1",
            "process: [FTP.EXE, python.exe]                  | 2",
            "parentProcess: [java.exe]                       | 1",
            "remoteIp: [203.0.113.0/24]                      | 1",
            "remoteIp: [198.51.100.9, 10.0.0.0/8]            | 1",
            "domain: [corp.example.com]                      | 1",
            "domain: [example.com.evil.net]                  | 0",
            "port: [21, 25]                                  | 1",
            "commandLine: {contains: ['S.TXT']}              | 1",
            "commandLine: {has: ['pload-file']}              | 0",
            "commandLine: {has: ['--upload-file']}           | 1",
            "commandLine: {regex: ['ftp -s:.*\\.txt$']}      | 1",
            "commandLine: 'nexus'                            | 1",
            "branch: FtpExfil, process: [curl.exe]           | 0",
            "branch: HttpExfil, process: [curl.exe]          | 1",
            "process: [ftp.exe], expires: 2026-11-19         | 0",
            "process: [ftp.exe], expires: 2026-11-20         | 1"})
    void eachKeyHidesWhatItNames(String keys, int hidden) {
        Tuning tuning = new TuningLoader().read("t.yaml", "exclusions:\n  - {id: x, reason: r, " + keys.strip() + "}\n");
        assertThat(tuning.problems()).isEmpty();
        DetectionReport report = new Detector(ENGINE).run(SEED, rows().tables(), Instant.parse("2026-11-20T18:00:00Z"), tuning);
        assertThat(report.problems()).isEmpty();
        assertThat(report.outcomes().get(0).resultRows()).isEqualTo(4);
        assertThat(report.suppressed()).hasSize(hidden);
        assertThat(report.alerts()).hasSize(4 - hidden);
        assertThat(report.expired()).hasSize(keys.contains("2026-11-19") ? 1 : 0);
    }
}
