package io.egress.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.bench.gen.Dataset;
import io.egress.bench.gen.GeneratorConfig;
import io.egress.bench.gen.RowKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Summaries drop warm-up rounds and take medians; the Markdown names engines, ratios and phases. */
class BenchReportTest {
    private record Fixed(String name) implements QueryEngine {
        @Override
        public String covers() {
            return "fixed";
        }

        @Override
        public void prepare() {
        }

        @Override
        public Optional<Phase> preparation() {
            return Optional.empty();
        }

        @Override
        public RunResult run() {
            return new RunResult(List.of(), Map.of());
        }

        @Override
        public void close() {
        }
    }

    private static Measurement m(String engine, boolean warmup, long millis, Map<String, Long> phases) {
        return new Measurement(engine, 0, warmup, millis * 1_000_000, millis * 500_000, phases,
                new MemoryProbe.Usage(1L << 30, 1L << 30, 1L << 20), 7);
    }

    @Test
    void summariesUseMeasuredRoundsOnly() {
        List<QueryEngine> engines = List.of(new Fixed("egress-json"), new Fixed("duckdb-native"));
        Map<String, Long> phases = Map.of("read", 1L, "query", 2_000_000L);
        List<Measurement> ms = List.of(
                m("egress-json", true, 999, phases), m("egress-json", false, 300, phases), m("egress-json", false, 100, phases),
                m("egress-json", false, 200, phases), m("duckdb-native", false, 50, Map.of("query", 50_000_000L)));
        List<BenchReport.Summary> summaries = BenchReport.summarise(engines, ms);
        assertThat(summaries).extracting(BenchReport.Summary::engine).containsExactly("egress-json", "duckdb-native");
        assertThat(summaries.get(0).medianNanos()).isEqualTo(200_000_000L);
        assertThat(summaries.get(0).bestNanos()).isEqualTo(100_000_000L);

        Dataset data = new Dataset(GeneratorConfig.of(10, 1), Path.of("none"), Map.of(),
                Map.of("DeviceProcessEvents", Map.of(RowKind.BENIGN, 10L)), Map.of("DeviceProcessEvents", Map.of(RowKind.EXFIL, 3L)));
        String md = BenchReport.markdown(data, engines, summaries, "Machine: test.");
        assertThat(md).contains("| engine |", "| egress-json |", "| duckdb-native |", "expected detections 3",
                "egress-json / duckdb-native: wall-time ratio 4.00", "egress-json query phase (over the rows the reader kept)");
    }
}
