package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import io.egress.data.Table;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SigmaHQ's regression cases ({@code shared/corpus/sigma/INDEX.tsv}): each case's events go through the
 * telemetry loader (into the Defender tables and the raw SysmonEvent / WindowsEvent tables), the case's rule
 * is converted to KQL and run on the engine, and it must return at least {@code match_count} rows (1 when
 * absent), as SigmaHQ's own runner demands. Reads each case's {@code .evtx} file, as SigmaHQ's runner does,
 * and separately its evtx_dump {@code .json} rendering. Measured: 202 cases with events, all 202 rules
 * convert and fire on both renderings (Defender tables: process creation, network, file, DNS, PowerShell
 * script blocks; SysmonEvent: registry, image load, process access, pipes, the Sysmon channel;
 * WindowsEvent: Security, TaskScheduler, WMI, Windows Defender). The Cisco case has no events.
 * As a check that the queries are selective, each rule also runs over every other case's events; the test
 * allows up to 1% of such pairs to fire (overlapping rule families such as wmic).
 */
class RegressionCasesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private record Case(String rule, Path evtx, Path json, int wanted, SigmaConversion conversion) {
    }

    private static List<Case> cases;

    @BeforeAll
    static void readIndex() throws IOException {
        Optional<Path> base = SharedData.resolve("corpus/sigma");
        if (base.isEmpty() || !Files.exists(base.get().resolve("INDEX.tsv"))) {
            return;
        }
        SigmaCompiler compiler = new SigmaCompiler();
        cases = new ArrayList<>();
        for (String line : Files.readAllLines(base.get().resolve("INDEX.tsv"))) {
            String[] columns = line.split("\t");
            if (line.startsWith("#") || columns[2].equals("-")) {
                continue;
            }
            cases.add(new Case(columns[0], base.get().resolve(columns[2]),
                    columns[3].equals("-") ? null : base.get().resolve(columns[3]),
                    columns[4].equals("-") ? 1 : Integer.parseInt(columns[4]),
                    compiler.compile(base.get().resolve(columns[0]))));
        }
    }

    private static List<Case> cases() {
        assumeTrue(cases != null, "shared/corpus/sigma is absent");
        return cases;
    }

    private static Compilation compile(SigmaConversion conversion) {
        return new KqlEngine().compile(conversion.kql(), Catalog.of(TelemetryLoader.schemas()));
    }

    private static Map<String, Table> load(Path events) {
        return new TelemetryLoader().load(List.of(events), LoadOptions.defaults()).tables();
    }

    @Test
    void everyRegressionCaseHasARunnableRule() {
        List<String> notOk = cases().stream().filter(c -> !c.conversion().isOk())
                .map(c -> c.rule() + ": " + c.conversion().status().word() + ": " + c.conversion().reason()).toList();
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(notOk).isEmpty();
    }

    @Test
    void everyConvertedRegressionCaseFires() {
        List<String> failures = new ArrayList<>();
        List<Compilation> compilations = new ArrayList<>();
        List<Map<String, Table>> events = new ArrayList<>();
        Map<String, Integer> perTable = new TreeMap<>();
        for (Case c : cases()) {
            if (!c.conversion().isOk()) {
                continue;
            }
            Compilation compilation = compile(c.conversion());
            assertThat(compilation.hasErrors()).as(c.rule() + ": " + compilation.diagnostics()).isFalse();
            Map<String, Table> tables = load(c.evtx());
            compilations.add(compilation);
            events.add(tables);
            perTable.merge(c.conversion().table(), 1, Integer::sum);
            int rows = compilation.execute(tables, NOW).rowCount();
            if (rows < c.wanted()) {
                failures.add(c.rule() + ": " + rows + " rows, wanted " + c.wanted() + "\n" + c.conversion().kql());
            }
        }
        assertThat(compilations).as("regression cases with a converted rule").hasSizeGreaterThanOrEqualTo(200);
        assertThat(perTable).as("cases per table").containsKeys("DeviceProcessEvents", "SysmonEvent", "WindowsEvent");
        assertThat(perTable.get("SysmonEvent")).as("registry, image load, process access, pipe cases").isGreaterThanOrEqualTo(40);
        assertThat(perTable.get("WindowsEvent")).as("Security, TaskScheduler, WMI, Defender cases").isGreaterThanOrEqualTo(5);
        assertThat(failures).isEmpty();

        int pairs = 0;
        int crossFires = 0;
        for (int rule = 0; rule < compilations.size(); rule++) {
            for (int data = 0; data < events.size(); data++) {
                if (rule != data) {
                    pairs++;
                    crossFires += compilations.get(rule).execute(events.get(data), NOW).rowCount() > 0 ? 1 : 0;
                }
            }
        }
        assertThat(crossFires).as("rules firing on another case's events").isLessThanOrEqualTo(pairs / 100);
    }

    /** The same cases through the JSON rendering (evtx_dump): the JSON reader must give the rules the same fields. */
    @Test
    void everyConvertedRegressionCaseFiresOnItsJsonRendering() {
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (Case c : cases()) {
            if (!c.conversion().isOk() || c.json() == null || !Files.exists(c.json())) {
                continue;
            }
            run++;
            int rows = compile(c.conversion()).execute(load(c.json()), NOW).rowCount();
            if (rows < c.wanted()) {
                failures.add(c.rule() + ": " + rows + " rows from the JSON, wanted " + c.wanted() + "\n" + c.conversion().kql());
            }
        }
        assertThat(run).isGreaterThanOrEqualTo(200);
        assertThat(failures).isEmpty();
    }
}
