package io.egress.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.bench.gen.Dataset;
import io.egress.bench.gen.DatasetCache;
import io.egress.bench.gen.GeneratorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Egress and DuckDB give the same answer to the seed detection on a small generated export. */
class EgressAgreesWithDuckDbTest {
    @TempDir
    Path dir;

    @Test
    void sameRowsAsDuckDbOverTheSameJsonLines() throws Exception {
        Dataset data = DatasetCache.ensure(dir, GeneratorConfig.of(5_000, 17).withShares(0.04, 0.2).withFleet(30, 20, 200));
        RunResult egress;
        RunResult duck;
        try (EgressEngine e = new EgressEngine(data, EgressEngine.seedQuery());
             DuckDbEngine d = new DuckDbEngine(data, DuckDbEngine.Mode.JSON, 1)) {
            e.prepare();
            d.prepare();
            egress = e.run();
            duck = d.run();
        }
        ResultDiff diff = ResultDiff.of("egress", egress, "duckdb", duck);
        assertThat(diff.same()).as(diff.describe(20)).isTrue();
        assertThat(egress.rowCount()).isEqualTo(data.expectedDetections()).isPositive();
        assertThat(egress.phaseNanos()).containsOnlyKeys("read", "query");
    }

    @Test
    void storeEngineGivesTheRowsOfTheJsonEngine() throws Exception {
        Dataset data = DatasetCache.ensure(dir.resolve("data"), GeneratorConfig.of(5_000, 17).withShares(0.04, 0.2)
                .withFleet(30, 20, 200));
        RunResult json;
        RunResult stored;
        try (EgressEngine e = new EgressEngine(data, EgressEngine.seedQuery());
             StoreEngine s = new StoreEngine(data, EgressEngine.seedQuery(), dir.resolve("store"), 2)) {
            e.prepare();
            s.prepare();
            assertThat(s.preparation()).isPresent();
            json = e.run();
            stored = s.run();
            assertThat(s.run().keys()).isEqualTo(stored.keys()); // a second run over the same store
        }
        ResultDiff diff = ResultDiff.of("egress-json", json, "egress-store", stored);
        assertThat(diff.same()).as(diff.describe(20)).isTrue();
        assertThat(stored.rowCount()).isEqualTo(data.expectedDetections()).isPositive();
        assertThat(stored.phaseNanos()).containsOnlyKeys("read", "query");
    }

    @Test
    void pushdownReadsFewerColumnsAndRowsButGivesTheSameRows() throws Exception {
        Dataset data = DatasetCache.ensure(dir, GeneratorConfig.of(4_000, 5).withShares(0.04, 0.2).withFleet(30, 20, 200));
        try (EgressEngine e = new EgressEngine(data, EgressEngine.seedQuery())) {
            e.prepare();
            var pushed = e.readTables();
            var whole = e.readTablesWhole();
            assertThat(EgressEngine.keys(e.execute(pushed))).containsExactlyInAnyOrderElementsOf(
                    EgressEngine.keys(e.execute(whole))).hasSize((int) data.expectedDetections());
            for (String table : whole.keySet()) {
                assertThat(pushed.get(table).schema().size()).isLessThan(12);
                assertThat(pushed.get(table).rowCount()).isLessThan(whole.get(table).rowCount() / 2);
            }
        }
    }

    @Test
    void theSeedReadsOnlyTheColumnsItUses() throws Exception {
        var c = new io.egress.kql.engine.KqlEngine().compile(EgressEngine.seedQuery(), io.egress.kql.engine.Catalog.defender());
        assertThat(c.referencedColumns().get("DeviceProcessEvents")).containsExactlyInAnyOrder("Timestamp", "DeviceName",
                "AccountName", "FileName", "ProcessCommandLine", "InitiatingProcessFileName",
                "InitiatingProcessCommandLine");
        assertThat(c.referencedColumns().get("DeviceNetworkEvents")).containsExactlyInAnyOrder("Timestamp",
                "DeviceName", "InitiatingProcessAccountName", "InitiatingProcessFileName",
                "InitiatingProcessCommandLine", "RemoteIP", "RemotePort", "RemoteUrl", "RemoteIPType");
        assertThat(c.prefilter("DeviceProcessEvents").orElseThrow().chains()).hasSize(4);
        assertThat(c.prefilter("DeviceNetworkEvents").orElseThrow().chains()).hasSize(1);
    }

    @Test
    void resultDiffNamesTheRowsOnlyOneSideHas() {
        RunResult a = new RunResult(java.util.List.of("x", "y", "y"), java.util.Map.of());
        RunResult b = new RunResult(java.util.List.of("y", "z"), java.util.Map.of());
        ResultDiff diff = ResultDiff.of("a", a, "b", b);
        assertThat(diff.onlyLeft()).containsExactly("x", "y");
        assertThat(diff.onlyRight()).containsExactly("z");
        assertThat(diff.describe(5)).contains("only a: x", "only b: z");
    }
}
