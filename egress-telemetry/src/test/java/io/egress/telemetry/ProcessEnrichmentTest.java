package io.egress.telemetry;

import static io.egress.telemetry.TableRows.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows learn their initiating process from its creation event even when that event is in another file. */
class ProcessEnrichmentTest {
    private static final String NS = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>";

    @TempDir
    Path dir;

    private static String sysmon1(String time, int pid, String image, String cmd, String user) {
        return NS + "<System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID>"
                + "<Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>"
                + "<TimeCreated SystemTime='" + time + "'/><EventRecordID>1</EventRecordID><Correlation/><Execution ProcessID='3148' ThreadID='5768'/>"
                + "<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS-01.corp.example.com</Computer><Security UserID='S-1-5-18'/></System>"
                + "<EventData><Data Name='UtcTime'>" + time.replace('T', ' ').replace("Z", "") + "</Data><Data Name='ProcessId'>" + pid + "</Data>"
                + "<Data Name='Image'>" + image + "</Data><Data Name='CommandLine'>" + cmd + "</Data><Data Name='User'>" + user + "</Data>"
                + "<Data Name='ParentProcessId'>900</Data><Data Name='ParentImage'>C:\\Windows\\explorer.exe</Data>"
                + "<Data Name='ParentCommandLine'>C:\\Windows\\Explorer.EXE</Data></EventData></Event>\n";
    }

    private static String ps4104(String time, int pid, String block) {
        return NS + "<System><Provider Name='Microsoft-Windows-PowerShell' Guid='{a0c1853b-5c40-4b15-8766-3cf1c58f985a}'/><EventID>4104</EventID>"
                + "<Version>1</Version><Level>5</Level><Task>2</Task><Opcode>15</Opcode><Keywords>0x0</Keywords>"
                + "<TimeCreated SystemTime='" + time + "'/><EventRecordID>2</EventRecordID><Correlation/><Execution ProcessID='" + pid + "' ThreadID='6215'/>"
                + "<Channel>Microsoft-Windows-PowerShell/Operational</Channel><Computer>WS-01.corp.example.com</Computer>"
                + "<Security UserID='S-1-5-21-1-2-3-1107'/></System><EventData><Data Name='MessageNumber'>1</Data><Data Name='MessageTotal'>1</Data>"
                + "<Data Name='ScriptBlockText'>" + block + "</Data><Data Name='ScriptBlockId'>7274761c</Data><Data Name='Path'></Data></EventData></Event>\n";
    }

    @Test
    void aScriptBlockExportedAloneGetsItsAccountFromTheSysmonFile() throws IOException {
        String ps = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
        Path sysmon = dir.resolve("sysmon-operational.xml");
        Files.writeString(sysmon, sysmon1("2026-11-20T14:08:00.0000000Z", 4242, ps, "powershell.exe -NoProfile", "CORP\\alice")
                + sysmon1("2026-11-20T15:00:00.0000000Z", 4242, "C:\\Windows\\System32\\notepad.exe", "notepad.exe", "CORP\\bob"));
        Path powershell = dir.resolve("powershell-operational.xml");
        Files.writeString(powershell, ps4104("2026-11-20T14:08:05.0000000Z", 4242, "Get-Date")
                + ps4104("2026-11-20T14:09:00.0000000Z", 5555, "Get-Item x"));
        LoadResult result = new TelemetryLoader().load(List.of(powershell, sysmon), LoadOptions.defaults());
        Table events = result.tables().get("DeviceEvents");
        assertThat(events.rowCount()).isEqualTo(2);
        assertThat(get(events, 0, "InitiatingProcessAccountName")).isEqualTo("alice");
        assertThat(get(events, 0, "InitiatingProcessAccountDomain")).isEqualTo("CORP");
        assertThat(get(events, 0, "InitiatingProcessCommandLine")).isEqualTo("powershell.exe -NoProfile");
        assertThat(get(events, 0, "InitiatingProcessParentFileName")).isEqualTo("explorer.exe");
        // pid 5555 was never created in the input: left as the reader wrote it
        assertThat(get(events, 1, "InitiatingProcessAccountName")).isEqualTo("");
    }

    @Test
    void aReusedPidDoesNotLendAnotherProcessesAccount() throws IOException {
        Path sysmon = dir.resolve("sysmon-operational.xml");
        // pid 4242 is notepad for bob, created before the script block: the images disagree, nothing is copied
        Files.writeString(sysmon, sysmon1("2026-11-20T14:00:00.0000000Z", 4242, "C:\\Windows\\System32\\notepad.exe", "notepad.exe", "CORP\\bob"));
        Path powershell = dir.resolve("powershell-operational.xml");
        Files.writeString(powershell, ps4104("2026-11-20T14:08:05.0000000Z", 4242, "Get-Date"));
        Table events = new TelemetryLoader().load(List.of(powershell, sysmon), LoadOptions.defaults()).tables().get("DeviceEvents");
        assertThat(get(events, 0, "InitiatingProcessAccountName")).isEqualTo("");
        assertThat(get(events, 0, "InitiatingProcessFileName")).isEqualTo("powershell.exe");
    }
}
