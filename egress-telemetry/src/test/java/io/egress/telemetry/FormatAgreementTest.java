package io.egress.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.DefenderSchemas;
import io.egress.data.SharedData;
import io.egress.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SigmaHQ's regression data holds each event twice, as EVTX and as evtx_dump JSON. Read through the two
 * readers, they must give the same Defender rows: this ties the JSON reader, the EVTX reader and the
 * mappings together on real data.
 */
class FormatAgreementTest {
    @Test
    void evtxAndItsJsonRenderingNormalizeAlike() throws IOException {
        Optional<Path> root = SharedData.resolve("corpus/sigma/regression_data");
        assumeTrue(root.isPresent(), "shared Sigma regression data not present");
        List<Path> jsons;
        try (Stream<Path> walk = Files.walk(root.get())) {
            jsons = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int pairs = 0;
        long cells = 0;
        long mismatches = 0;
        for (Path json : jsons) {
            Path evtx = Path.of(json.toString().replaceFirst("\\.json$", ".evtx"));
            if (!Files.exists(evtx)) {
                continue;
            }
            pairs++;
            LoadResult fromJson = new TelemetryLoader().load(List.of(json), LoadOptions.defaults());
            LoadResult fromEvtx = new TelemetryLoader().load(List.of(evtx), LoadOptions.defaults());
            assertThat(fromJson.totalMalformed()).as(json.toString()).isZero();
            assertThat(fromEvtx.totalMalformed()).as(evtx.toString()).isZero();
            assertThat(fromEvtx.files().get(0).format()).isEqualTo("evtx");
            for (String table : fromJson.tables().keySet()) {
                Table a = fromJson.tables().get(table);
                Table b = fromEvtx.tables().get(table);
                assertThat(b.rowCount()).as(table + " rows of " + json).isEqualTo(a.rowCount());
                if (!DefenderSchemas.TABLES.contains(table)) {
                    continue;
                }
                for (int row = 0; row < a.rowCount(); row++) {
                    for (int column = 0; column < a.schema().size(); column++) {
                        cells++;
                        if (!Objects.equals(a.value(row, column), b.value(row, column))) {
                            mismatches++;
                        }
                    }
                }
            }
        }
        assertThat(pairs).isGreaterThan(150);
        // the only difference today: one ParentCommandLine recorded as Explorer.exe in JSON, Explorer.EXE in EVTX
        assertThat(mismatches).isLessThanOrEqualTo(1);
        assertThat(cells).isGreaterThan(10_000);
    }
}
