package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.SharedData;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.Readers;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** EVTX files go through format detection and the Windows mappings like any other Windows input. */
class EvtxLoaderTest {

    @Test
    void formatDetectionPicksTheEvtxReader() {
        byte[] file = EvtxFixture.file(List.of(List.of(EvtxFixture.sample(0))));
        assertThat(Readers.detect(file, file.length)).get().extracting(r -> r.format()).isEqualTo("evtx");
        assertThat(Readers.byFormat("evtx")).isPresent();
    }

    @Test
    void theCorpusLoadsIntoDefenderTables() throws IOException {
        Path regression = SharedData.resolve("corpus/sigma/regression_data").orElse(null);
        Assumptions.assumeTrue(regression != null, "shared corpus absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(regression)) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().collect(Collectors.toList());
        }
        LoadResult result = new TelemetryLoader().load(files, LoadOptions.defaults());
        assertThat(result.files()).hasSize(202).allSatisfy(f -> assertThat(f.format()).isEqualTo("evtx"));
        assertThat(result.totalRecords()).isEqualTo(238);
        assertThat(result.totalMalformed()).isZero();
        // Sysmon event 1 (151 in the corpus) is process creation
        assertThat(result.rows("DeviceProcessEvents")).isGreaterThanOrEqualTo(151);
    }
}
