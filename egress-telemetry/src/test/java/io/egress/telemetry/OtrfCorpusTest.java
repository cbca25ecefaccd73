package io.egress.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import io.egress.data.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads every OTRF sample in shared/corpus/telemetry and checks the exact row counts per table. The
 * expected numbers were counted independently of Egress with a Python/grep pass over the unzipped files
 * (Sysmon 1/3/11/22 by Channel and EventID, Security 4688, PowerShell 4104, auditd execve with
 * success=yes, auoms AUOMS_EXECVE with success=yes).
 */
class OtrfCorpusTest {
    private static final String DIR = "corpus/telemetry/otrf/";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | format | records | DeviceProcessEvents | DeviceNetworkEvents | DeviceFileEvents | DeviceEvents | SysmonEvent | WindowsEvent | AuditdEvent
        "atomic/windows/other/aptsimulator_cobaltstrike.zip|windows-json|2611|73|2|13|0|2264|347|0",
        "atomic/windows/defense_evasion/host/cmd_bitsadmin_download_psh_script.zip|windows-json|424|4|8|6|3|336|88|0",
        "atomic/windows/credential_access/host/cmd_psexec_lsa_secrets_dump.zip|windows-json|286|8|2|7|2|241|45|0",
        "atomic/windows/execution/host/cmd_sharpview_pcre_net.zip|windows-json|267|2|1|4|3|180|87|0",
        "atomic/windows/lateral_movement/host/covenant_sharpsc_start_dcerpc_smb_svcctl.zip|windows-json|6046|8|33|19|30|3308|2738|0",
        "atomic/windows/discovery/host/empire_getsession_dcerpc_smb_srvsvc_NetSessEnum.zip|windows-json|5047|7|15|19|38|814|4233|0",
        "atomic/windows/execution/host/empire_launcher_vbs.zip|windows-json|2067|10|10|22|3|1190|877|0",
        "atomic/windows/defense_evasion/host/psh_mavinject_dll_notepad.zip|windows-json|509|4|2|4|2|467|42|0",
        "atomic/windows/defense_evasion/host/psh_stop_event_logging_controlset_minint_key.zip|windows-json|6367|12|4|12|20|6112|255|0",
        "atomic/windows/defense_evasion/host/reg_disable_eventlog_service_startuptype_modification_via_registry.zip|windows-json|3872|10|2|9|6|3687|185|0",
        "atomic/windows/lateral_movement/host/schtask_create.zip|windows-json|1041|20|6|10|1|906|135|0",
        "atomic/windows/defense_evasion/host/wmic_remote_xsl_jscript.zip|windows-json|1364|12|1|9|1|1174|190|0",
        "compound/Log4Shell/sysmon_log4shell_cve2021_44228_java_serialized_object.zip|windows-json|487|2|5|4|2|487|0|0",
        "compound/Log4Shell/syslog_sysmon_log4shell_cve2021_44228_jndi_reference.zip|azure-syslog-json|93|31|6|4|0|93|0|0",
        "compound/Log4Shell/syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference.zip|azure-syslog-json|50|27|0|0|0|0|0|50",
        "atomic/linux/discovery/host/sh_arp_cache.zip|auditd|2|2|0|0|0|0|0|2",
        "atomic/linux/defense_evasion/host/sh_binary_padding_dd.zip|auditd|1|1|0|0|0|0|0|1",
    })
    void readsSampleWithExactCounts(String file, String format, long records, long process, long network, long fileEvents,
                                    long deviceEvents, long sysmon, long windows, long auditd) {
        Optional<Path> path = SharedData.resolve(DIR + file);
        assumeTrue(path.isPresent(), "shared OTRF corpus not present");
        LoadResult result = new TelemetryLoader().load(List.of(path.get()), LoadOptions.defaults());

        assertThat(result.files()).hasSize(1);
        FileReport report = result.files().get(0);
        assertThat(report.problems()).isEmpty();
        assertThat(report.malformed()).isZero();
        assertThat(report.format()).isEqualTo(format);
        assertThat(report.records()).isEqualTo(records);
        assertThat(report.firstTime()).isNotNull();
        assertThat(Map.of(
                "DeviceProcessEvents", result.rows("DeviceProcessEvents"),
                "DeviceNetworkEvents", result.rows("DeviceNetworkEvents"),
                "DeviceFileEvents", result.rows("DeviceFileEvents"),
                "DeviceEvents", result.rows("DeviceEvents"),
                "SysmonEvent", result.rows("SysmonEvent"),
                "WindowsEvent", result.rows("WindowsEvent"),
                "AuditdEvent", result.rows("AuditdEvent")))
                .isEqualTo(Map.of(
                        "DeviceProcessEvents", process, "DeviceNetworkEvents", network, "DeviceFileEvents", fileEvents,
                        "DeviceEvents", deviceEvents, "SysmonEvent", sysmon, "WindowsEvent", windows, "AuditdEvent", auditd));

        Table processes = result.tables().get("DeviceProcessEvents");
        for (int row = 0; row < processes.rowCount(); row++) {
            assertThat(TableRows.get(processes, row, "ActionType")).isEqualTo("ProcessCreated");
            assertThat((String) TableRows.get(processes, row, "FileName")).isNotEmpty();
            assertThat((String) TableRows.get(processes, row, "FolderPath")).endsWith((String) TableRows.get(processes, row, "FileName"));
            assertThat(TableRows.get(processes, row, "Timestamp")).isNotNull();
            assertThat(TableRows.get(processes, row, "TimeGenerated")).isEqualTo(TableRows.get(processes, row, "Timestamp"));
            assertThat(TableRows.get(processes, row, "Type")).isEqualTo("DeviceProcessEvents");
        }
        // every sample has process ids, except the Sysmon records of empire_getsession (lost in its NXLog pipeline)
        assertThat(TableRows.where(processes, row -> TableRows.get(processes, row, "ProcessId") != null)).isNotEmpty();
        Table connections = result.tables().get("DeviceNetworkEvents");
        for (int row = 0; row < connections.rowCount(); row++) {
            assertThat((String) TableRows.get(connections, row, "RemoteIP")).isNotEmpty();
            assertThat(TableRows.get(connections, row, "RemotePort")).isNotNull();
            assertThat((String) TableRows.get(connections, row, "RemoteIPType")).isNotEmpty();
            assertThat((String) TableRows.get(connections, row, "Protocol")).isIn("Tcp", "Udp");
            assertThat((String) TableRows.get(connections, row, "InitiatingProcessFileName")).isNotEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void auditdExecveCarriesDecodedCommandLine() {
        Optional<Path> path = SharedData.resolve(DIR + "atomic/linux/defense_evasion/host/sh_binary_padding_dd.zip");
        assumeTrue(path.isPresent(), "shared OTRF corpus not present");
        Table processes = new TelemetryLoader().load(List.of(path.get()), LoadOptions.defaults()).tables().get("DeviceProcessEvents");
        assertThat(TableRows.get(processes, 0, "ProcessCommandLine")).isEqualTo("dd if=/dev/zero bs=1 count=1");
        assertThat(TableRows.get(processes, 0, "FileName")).isEqualTo("dd");
        assertThat(TableRows.get(processes, 0, "FolderPath")).isEqualTo("/bin/dd");
        assertThat(TableRows.get(processes, 0, "ProcessId")).isEqualTo(2168L);
        assertThat(TableRows.get(processes, 0, "InitiatingProcessId")).isEqualTo(29002L);
        assertThat(TableRows.get(processes, 0, "AccountName")).isEqualTo("1000");
        assertThat(TableRows.get(processes, 0, "ReportId")).isEqualTo(93777L);
    }

    @org.junit.jupiter.api.Test
    void wholeFolderReadsWithoutProblems() {
        Optional<Path> path = SharedData.resolve(DIR.substring(0, DIR.length() - 1));
        assumeTrue(path.isPresent(), "shared OTRF corpus not present");
        LoadResult result = new TelemetryLoader().load(List.of(path.get()), LoadOptions.defaults());
        assertThat(result.totalMalformed()).isZero();
        assertThat(result.files().stream().filter(f -> f.records() > 0)).hasSize(17);
        assertThat(result.latestEventTime()).isPresent();
    }
}
