package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Table;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sigma rules on the raw per-source tables, end to end: hand-written telemetry (Windows event XML for the
 * classic and module PowerShell logs and the Security channel, an auditd log with PATH records, syslog lines
 * from sshd, clamd, cron, a Cisco switch and a FortiGate) goes through the real telemetry loader; each rule
 * is converted and run on the engine over all of it, and must return exactly the rows it is about.
 */
class RawSourcesTest {
    private static Map<String, Table> tables;

    @BeforeAll
    static void load() throws URISyntaxException {
        Path dir = Path.of(RawSourcesTest.class.getResource("raw").toURI());
        LoadResult result = new TelemetryLoader().load(List.of(dir), LoadOptions.defaults());
        assertThat(result.files()).allSatisfy(f -> assertThat(f.malformed()).as(f.path()).isZero());
        tables = result.tables();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("classic PowerShell 2.0 engine start (Data, any element)",
                        "product: windows\n  category: ps_classic_start",
                        "sel:\n  Data|contains: 'HostVersion=2.'\ncondition: sel", 1),
                Arguments.of("classic Data element matched whole",
                        "product: windows\n  category: ps_classic_start",
                        "sel:\n  Data: 'available'\ncondition: sel", 2),
                Arguments.of("classic Data regex across the element's lines",
                        "product: windows\n  category: ps_classic_start",
                        "sel:\n  Data|re: 'HostId=[a-f0-9-]{36}\\s+HostApplication='\ncondition: sel", 1),
                Arguments.of("module logging payload and context",
                        "product: windows\n  category: ps_module",
                        "sel:\n  Payload|contains: 'Invoke-WebRequest'\n  ContextInfo|contains: 'powershell.exe'\ncondition: sel", 1),
                Arguments.of("Security channel, EventID and EventData name",
                        "product: windows\n  service: security",
                        "sel:\n  EventID: 4701\n  TaskName|contains: '\\SystemRestore\\'\n  SubjectLogonId: '0x3e7'\ncondition: sel", 1),
                Arguments.of("Security rule does not see the PowerShell channel",
                        "product: windows\n  service: security",
                        "sel:\n  EventID: 4103\ncondition: sel", 0),
                Arguments.of("auditd PATH record name",
                        "product: linux\n  service: auditd",
                        "sel:\n  type: PATH\n  name: '/etc/ld.so.preload'\ncondition: sel", 1),
                Arguments.of("auditd name matches one PATH record, not the joined list",
                        "product: linux\n  service: auditd",
                        "sel:\n  name|startswith: '/etc/ld'\n  euid: 0\ncondition: sel", 1),
                Arguments.of("auditd EXECVE argv",
                        "product: linux\n  service: auditd",
                        "sel:\n  type: EXECVE\n  a0: cat\n  a1|startswith: '/etc/sha'\ncondition: sel", 1),
                Arguments.of("auditd syscall other than execve",
                        "product: linux\n  service: auditd",
                        "sel:\n  type: SYSCALL\n  SYSCALL: openat\n  key: ldso\ncondition: sel", 1),
                Arguments.of("sshd keywords",
                        "product: linux\n  service: sshd",
                        "keywords:\n  - 'Failed password for root'\ncondition: keywords", 1),
                Arguments.of("sshd keywords stay within sshd",
                        "product: linux\n  service: sshd",
                        "keywords:\n  - 'FOUND'\ncondition: keywords", 0),
                Arguments.of("clamav wildcard keyword",
                        "product: linux\n  service: clamav",
                        "keywords:\n  - 'Trojan*FOUND'\ncondition: keywords", 1),
                Arguments.of("cron",
                        "product: linux\n  service: cron",
                        "keywords:\n  - 'run-parts'\ncondition: keywords", 1),
                Arguments.of("Linux with no service: every syslog message",
                        "product: linux",
                        "keywords:\n  - '203.0.113.9'\n  - 'cron.hourly'\ncondition: keywords", 2),
                Arguments.of("Cisco AAA keyword",
                        "product: cisco\n  service: aaa",
                        "keywords:\n  - 'no dot1x port-control'\ncondition: keywords", 1),
                Arguments.of("FortiGate key=value fields",
                        "product: fortigate\n  service: event",
                        "sel:\n  action: Add\n  cfgpath: system.admin\ncondition: sel", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleReturnsItsRows(String name, String logsource, String detection, int rows) {
        SigmaConversion conversion = SigmaCompilerTest.convert(logsource, detection);
        assertThat(conversion.status()).as(conversion.reason()).isEqualTo(Status.OK);
        Compilation compilation = new KqlEngine().compile(conversion.kql(), Catalog.of(TelemetryLoader.schemas()));
        assertThat(compilation.hasErrors()).as(compilation.diagnostics().toString()).isFalse();
        assertThat(compilation.execute(tables, Instant.parse("2027-01-01T00:00:00Z")).rowCount())
                .as(conversion.kql()).isEqualTo(rows);
    }
}
