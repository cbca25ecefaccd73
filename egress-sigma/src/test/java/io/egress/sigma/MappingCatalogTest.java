package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.data.ScalarType;
import io.egress.sigma.mapping.MappingCatalog;
import io.egress.sigma.model.LogSource;
import org.junit.jupiter.api.Test;

class MappingCatalogTest {
    @Test
    void builtinMapsTheBriefedLogSources() {
        MappingCatalog catalog = MappingCatalog.builtin();
        assertThat(catalog.find(new LogSource("windows", "process_creation", null, null)).orElseThrow().table())
                .isEqualTo("DeviceProcessEvents");
        assertThat(catalog.find(new LogSource("Windows", "network_connection", null, null)).orElseThrow().table())
                .isEqualTo("DeviceNetworkEvents");
        assertThat(catalog.find(new LogSource("windows", "dns_query", null, null)).orElseThrow().where())
                .isEqualTo("ActionType == \"DnsQueryResponse\"");
        assertThat(catalog.find(new LogSource("windows", "ps_script", null, null)).orElseThrow().where())
                .isEqualTo("ActionType == \"PowerShellCommand\"");
        assertThat(catalog.find(new LogSource("linux", null, "auditd", null)).orElseThrow().table())
                .isEqualTo("AuditdEvent");
        assertThat(catalog.find(new LogSource("zeek", null, "dns", null))).isEmpty();
        var registry = catalog.find(new LogSource("windows", "registry_set", null, null)).orElseThrow();
        assertThat(registry.table()).isEqualTo("SysmonEvent");
        assertThat(registry.where()).isEqualTo("EventID == 13");
        assertThat(registry.field("TargetObject").orElseThrow().kql()).isEqualTo("tostring(EventData[\"TargetObject\"])");
        assertThat(registry.field("EventID").orElseThrow().kql()).isEqualTo("EventID");
        assertThat(registry.field("ImageLoaded")).as("not a field of Sysmon 13").isEmpty();
        var security = catalog.find(new LogSource("windows", null, "security", null)).orElseThrow();
        assertThat(security.table()).isEqualTo("WindowsEvent");
        assertThat(security.where()).isEqualTo("Channel =~ \"Security\"");
        assertThat(security.field("AnyEventDataName")).as("any EventData name").isPresent();
        assertThat(security.field("Provider_Name").orElseThrow().kql()).isEqualTo("Provider");
        var auditd = catalog.find(new LogSource("linux", null, "auditd", null)).orElseThrow();
        assertThat(auditd.field("euid").orElseThrow().kql()).isEqualTo("tostring(EventData[\"euid\"])");
        assertThat(auditd.field("nametype")).as("PATH fields the reader drops").isEmpty();
        assertThat(auditd.field("name").orElseThrow().multi()).isTrue();
        var process = catalog.find(new LogSource("windows", "process_creation", null, null)).orElseThrow();
        assertThat(process.field("Image").orElseThrow().kql()).isEqualTo("FolderPath");
        assertThat(process.field("ParentImage").orElseThrow().kql()).isEqualTo("InitiatingProcessFolderPath");
        assertThat(process.field("CommandLine").orElseThrow().kql()).isEqualTo("ProcessCommandLine");
        assertThat(process.field("ProcessId").orElseThrow().type()).isEqualTo(ScalarType.LONG);
        assertThat(process.field("LogonGuid")).isEmpty();
    }

    @Test
    void unknownColumnsFailWhenTheMappingLoads() {
        assertThatThrownBy(() -> MappingCatalog.parse("""
                logsources:
                  - match: {category: process_creation}
                    table: DeviceProcessEvents
                    fields:
                      Image: FolderPathTypo
                """)).hasMessageContaining("has no column FolderPathTypo");
    }
}
