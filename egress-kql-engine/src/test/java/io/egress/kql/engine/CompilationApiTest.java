package io.egress.kql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.data.Schema;
import io.egress.data.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public API others build on: compile once, run many times, schemas, tables read, errors. */
class CompilationApiTest {
    private static final KqlEngine ENGINE = new KqlEngine();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void compilesOnceAndRunsOverDifferentTables() {
        Compilation c = ENGINE.compile("DeviceProcessEvents | where Timestamp > ago(1h) | project DeviceName, FileName",
                Catalog.defender());
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.resultSchema()).isEqualTo(Schema.parse("DeviceName:string, FileName:string"));
        assertThat(c.referencedTables()).containsExactly("DeviceProcessEvents");
        Table one = Table.of(Schema.parse("Timestamp:datetime, DeviceName:string, FileName:string"),
                List.<Object[]>of(new Object[] {Instant.parse("2024-05-01T11:30:00Z"), "WS1", "a.exe"},
                        new Object[] {Instant.parse("2024-05-01T10:00:00Z"), "WS2", "b.exe"}));
        assertThat(c.execute(Map.of("DeviceProcessEvents", one), NOW).rowCount()).isEqualTo(1);
        assertThat(c.execute(Map.of("DeviceProcessEvents", one), Instant.parse("2024-05-01T10:30:00Z")).rowCount())
                .isEqualTo(2);
        assertThat(c.execute(Map.of(), NOW).rowCount()).isZero();
    }

    @Test
    void executeAllRunsEveryQueryStatement() {
        Compilation c = ENGINE.compile("print a = 1; print b = \"x\", c = 2", Catalog.of(Map.of()));
        List<Table> all = c.executeAll(Map.of(), NOW);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).schema().toString()).isEqualTo("b:string, c:long");
        assertThat(c.execute(Map.of(), NOW).schema()).isEqualTo(all.get(1).schema());
    }

    @Test
    void customCatalogs() {
        Catalog catalog = Catalog.of(Map.of("Custom", Schema.parse("Host:string, Bytes:long")));
        Compilation c = ENGINE.compile("Custom | summarize sum(Bytes) by Host", catalog);
        assertThat(c.resultSchema().toString()).isEqualTo("Host:string, sum_Bytes:long");
        assertThat(ENGINE.compile("DeviceEvents | take 1", catalog).hasErrors()).isTrue();
    }

    @Test
    void runningAQueryWithErrorsRaisesItsFirstDiagnostic() {
        Compilation c = ENGINE.compile("DeviceProcessEvents | where NoSuchColumn == 1", Catalog.defender());
        assertThat(c.hasErrors()).isTrue();
        assertThatThrownBy(() -> c.execute(Map.of(), NOW)).isInstanceOf(QueryRuntimeException.class)
                .satisfies(e -> assertThat(((QueryRuntimeException) e).diagnostic().code()).isEqualTo("KQL202"));
    }

    @Test
    void syntaxErrorsStopBeforeBinding() {
        Compilation c = ENGINE.compile("DeviceProcessEvents | where FileNme has_any ([\"a\", \"b\"])", Catalog.defender());
        assertThat(c.diagnostics()).extracting(d -> d.code()).as(c.diagnostics().toString()).contains("KQL110")
                .noneMatch(code -> code.startsWith("KQL2"));
    }

    @Test
    void explainShowsBoundSchemasAndOperators() {
        String text = ENGINE.compile("DeviceNetworkEvents | summarize c = count() by RemotePort | top 3 by c",
                Catalog.defender()).explain();
        assertThat(text).contains("Summarize").contains("RemotePort:int, c:long").contains("SortOperator [blocking]")
                .contains("ScanOperator [streaming]");
    }
}
