package io.egress.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DefenderSchemasTest {
    @Test
    void builtInSchemasKeepMicrosoftsColumnOrderAndAddSentinelColumns() {
        Schema process = DefenderSchemas.schema("DeviceProcessEvents").orElseThrow();
        assertThat(process.column(0)).isEqualTo(new Column("Timestamp", ScalarType.DATETIME));
        assertThat(process.find("ProcessCommandLine")).contains(new Column("ProcessCommandLine", ScalarType.STRING));
        assertThat(process.find("TimeGenerated")).contains(new Column("TimeGenerated", ScalarType.DATETIME));
        Schema network = DefenderSchemas.schema("DeviceNetworkEvents").orElseThrow();
        assertThat(network.find("RemotePort")).contains(new Column("RemotePort", ScalarType.INT));
        assertThat(DefenderSchemas.defenderOnly("DeviceNetworkEvents").indexOf("TimeGenerated")).isEqualTo(-1);
    }

    @Test
    void schemaNotationRejectsUnknownTypes() {
        assertThat(Schema.parse("a:long, b:string").names()).containsExactly("a", "b");
        assertThatThrownBy(() -> Schema.parse("a:text")).hasMessageContaining("unknown type 'text'");
    }
}
