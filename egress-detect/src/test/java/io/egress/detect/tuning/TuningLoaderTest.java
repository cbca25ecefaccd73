package io.egress.detect.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import io.egress.detect.rule.RuleProblem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningLoaderTest {
    private final TuningLoader loader = new TuningLoader();

    @Test
    void bundledTuningCoversTheFiveSeedCategories() {
        Tuning tuning = TestRules.bundledTuning();
        assertThat(tuning.problems()).isEmpty();
        assertThat(tuning.exclusions()).extracting(Exclusion::id).containsExactly("it-ftp-internal", "devops-artifact-upload",
                "monitoring-agents-plaintext", "authorized-scanner", "pentest-2025-q3", "notification-mail-relay",
                "mail-relay-port-25");
        assertThat(tuning.exclusions()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
        assertThat(tuning.expired(LocalDate.of(2026, 11, 20))).extracting(Exclusion::id).containsExactly("pentest-2025-q3");
    }

    @Test
    void readsEveryKey() {
        String text = """
                exclusions:
                  - id: all-keys
                    rule: my-rule
                    branch: B
                    reason: because
                    expires: 2030-01-31
                    account: [CORP\\svc_a, svc_b]
                    device: ws01
                    process: [a.exe]
                    parentProcess: [b.exe]
                    remoteIp: [10.0.0.0/8, 192.0.2.7]
                    domain: [nexus.corp.example.com]
                    port: [21, 2121]
                    commandLine:
                      contains: [" /upload "]
                      has: ["-T"]
                      regex: ['ftp://10\\.']
                """;
        Tuning tuning = loader.read("t.yaml", text);
        assertThat(tuning.problems()).isEmpty();
        Exclusion e = tuning.exclusions().get(0);
        assertThat(e.rule()).isEqualTo("my-rule");
        assertThat(e.branch()).isEqualTo("B");
        assertThat(e.expires()).isEqualTo(LocalDate.of(2030, 1, 31));
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.conditions()).extracting(Condition::key).containsExactlyInAnyOrder("account", "device", "process",
                "parentProcess", "remoteIp", "domain", "port", "commandLine.contains", "commandLine.has", "commandLine.regex");
        assertThat(e.conditions()).contains(new Condition.Port(List.of(21, 2121)),
                new Condition.Account(List.of("CORP\\svc_a", "svc_b")),
                new Condition.CommandLine(Condition.CommandLine.Mode.REGEX, List.of("ftp://10\\.")));
    }

    @Test
    void reportsBadEntriesWithPositionsAndKeepsGoodOnes() {
        String text = """
                exclusions:
                  - id: ok
                    reason: fine
                    process: x.exe
                  - id: no-reason
                    process: y.exe
                  - id: bad-values
                    reason: r
                    remoteIp: [10.0.0.0/33, 300.1.1.1]
                    port: [http]
                    expires: next week
                    commandLine: {regex: "a(", glob: "*"}
                    colour: red
                  - id: nothing
                    reason: would hide everything
                  - id: ok
                    reason: dup
                    device: d
                """;
        Tuning tuning = loader.read("t.yaml", text);
        assertThat(tuning.exclusions()).extracting(Exclusion::id).containsExactly("ok");
        List<String> problems = tuning.problems().stream().map(RuleProblem::headline).toList();
        assertThat(problems).contains(
                "t.yaml:5:5: error TUNE005: exclusion 'no-reason' has no 'reason'",
                "t.yaml:7:5: error TUNE007: '10.0.0.0/33' is not an IPv4 address or CIDR range",
                "t.yaml:7:5: error TUNE007: '300.1.1.1' is not an IPv4 address or CIDR range",
                "t.yaml:7:5: error TUNE007: 'http' is not a port number",
                "t.yaml:7:5: error TUNE006: cannot read expires 'next week'",
                "t.yaml:7:5: error TUNE004: unknown commandLine test 'glob'",
                "t.yaml:7:5: error TUNE004: unknown exclusion key 'colour'",
                "t.yaml:14:5: error TUNE009: exclusion 'nothing' has no condition and would hide every row",
                "t.yaml:16:5: error TUNE003: duplicate exclusion id 'ok'");
        assertThat(problems).anyMatch(p -> p.startsWith("t.yaml:7:5: error TUNE008: bad regex 'a('"));
    }

    @Test
    void expiryIsInclusiveOfTheLastDay() {
        Tuning tuning = loader.read("t.yaml", "exclusions:\n  - {id: a, reason: r, device: d, expires: 2026-01-31}\n");
        Exclusion e = tuning.exclusions().get(0);
        assertThat(e.isExpired(LocalDate.of(2026, 1, 31))).isFalse();
        assertThat(e.isExpired(LocalDate.of(2026, 2, 1))).isTrue();
        assertThat(tuning.active(LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @Test
    void reportsInvalidYaml() {
        Tuning tuning = loader.read("t.yaml", "exclusions:\n  - id: [\n");
        assertThat(tuning.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("TUNE001"));
        assertThat(loader.read("t.yaml", "other: 1\n").problems()).extracting(RuleProblem::code).containsExactly("TUNE002");
    }
}
