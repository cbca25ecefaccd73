package io.egress.bench.benign;

import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.detect.alert.Alert;
import io.egress.detect.rule.RuleLoader;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.rule.RuleSet;
import io.egress.detect.run.CompiledRule;
import io.egress.detect.run.DetectionReport;
import io.egress.detect.run.Detector;
import io.egress.detect.run.RuleCompiler;
import io.egress.detect.run.RuleOutcome;
import io.egress.detect.tuning.Tuning;
import io.egress.detect.tuning.TuningLoader;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.KqlEngine;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures a rule pack's false positives on a benign corpus with the code {@code egress detect} runs:
 * {@link TelemetryLoader} reads the corpus, {@link RuleLoader} and {@link RuleCompiler} load and compile the
 * pack's rules, {@link TuningLoader} reads its {@code tuning.yaml}, and {@link Detector} runs each rule with
 * and without the tuning.
 *
 * <p>A scheduled rule sees its query period of data at each run. The corpus spans several days, so each
 * rule is run once per period: the span is cut into consecutive windows of the rule's {@code queryPeriod}
 * ending at the corpus end, each run sees only its window's rows and is anchored ({@code now}) at the
 * window's end. Every event is judged exactly once; alerts are summed over the windows.
 */
public final class FpMeasure {
    private final KqlEngine engine = new KqlEngine();
    private final Catalog catalog = Catalog.of(TelemetryLoader.schemas());
    private final Map<String, List<Object[]>> sorted = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final long events;
    private final Instant end;
    private final Instant start;

    /** Reads the corpus (every file under {@code corpus}) as {@code egress detect} does. */
    public static FpMeasure load(Path corpus, Instant start, Instant end) {
        LoadResult load = new TelemetryLoader().load(List.of(corpus), LoadOptions.defaults());
        if (load.totalMalformed() > 0) {
            throw new IllegalStateException(load.totalMalformed() + " malformed records in " + corpus + ": "
                    + load.files().stream().flatMap(f -> f.problems().stream()).findFirst().orElseThrow());
        }
        return new FpMeasure(load, start, end);
    }

    private FpMeasure(LoadResult load, Instant start, Instant end) {
        this.start = start;
        this.end = end;
        this.events = load.totalRecords();
        for (Map.Entry<String, Table> e : load.tables().entrySet()) {
            Table table = e.getValue();
            int ts = table.schema().indexOf("Timestamp");
            List<Object[]> rows = new ArrayList<>(table.rows());
            if (ts >= 0) {
                rows.sort(Comparator.comparing(row -> row[ts] instanceof Instant t ? t : Instant.MIN));
            }
            sorted.put(e.getKey(), rows);
            schemas.put(e.getKey(), table.schema());
        }
    }

    public long events() {
        return events;
    }

    /** The rule files of a pack: the {@code .yaml}/{@code .yml}/{@code .kql} files directly in its folder (not sigma/ or scenarios/). */
    public static List<Path> ruleFiles(Path pack) throws IOException {
        try (Stream<Path> list = Files.list(pack)) {
            return list.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".kql")) && !n.startsWith("tuning.") && !n.startsWith("expect.");
            }).sorted().toList();
        }
    }

    public PackMeasurement measure(Path pack, int topN) throws IOException {
        RuleSet rules = new RuleLoader().load(ruleFiles(pack));
        RuleCompiler.Result compiled = new RuleCompiler(engine, catalog).compile(rules.rules());
        List<String> problems = new ArrayList<>();
        for (RuleProblem p : rules.problems()) {
            problems.add(p.toString());
        }
        for (RuleProblem p : compiled.problems()) {
            problems.add(p.toString());
        }
        Path tuningFile = pack.resolve("tuning.yaml");
        Tuning tuning = Files.isRegularFile(tuningFile)
                ? new TuningLoader().read(tuningFile.toString(), Files.readString(tuningFile, StandardCharsets.UTF_8)) : Tuning.NONE;
        tuning.problems().forEach(p -> problems.add(p.toString()));
        List<PackMeasurement.RuleMeasurement> results = new ArrayList<>();
        int windows = 0;
        Detector detector = new Detector(engine);
        for (CompiledRule rule : compiled.rules()) {
            Duration period = rule.rule().queryPeriod();
            List<Instant> anchors = anchors(period);
            windows = Math.max(windows, anchors.size());
            long rows = 0;
            List<Alert> untuned = new ArrayList<>();
            List<Alert> tuned = new ArrayList<>();
            Map<String, Long> suppressedBy = new LinkedHashMap<>();
            Map<String, long[]> branches = new LinkedHashMap<>();
            for (Instant anchor : anchors) {
                Map<String, Table> window = window(anchor.minus(period), anchor);
                DetectionReport plain = detector.run(List.of(rule), window, anchor, Tuning.NONE);
                DetectionReport withTuning = detector.run(List.of(rule), window, anchor, tuning);
                plain.problems().forEach(p -> problems.add(p.toString()));
                withTuning.problems().stream().filter(p -> !plain.problems().contains(p)).forEach(p -> problems.add(p.toString()));
                RuleOutcome outcome = withTuning.outcomes().get(0);
                rows += outcome.resultRows();
                outcome.exclusionHits().forEach((id, n) -> suppressedBy.merge(id, (long) n, Long::sum));
                untuned.addAll(plain.alerts());
                tuned.addAll(withTuning.alerts());
            }
            for (Alert a : untuned) {
                branches.computeIfAbsent(branch(a), b -> new long[3])[0] += a.count();
                branches.get(branch(a))[1]++;
            }
            for (Alert a : tuned) {
                branches.computeIfAbsent(branch(a), b -> new long[3])[2]++;
            }
            results.add(new PackMeasurement.RuleMeasurement(rule.rule().id(), rule.rule().name(), rows, untuned.size(), tuned.size(),
                    branches, suppressedBy, top(tuned, topN)));
        }
        return new PackMeasurement(pack.toString(), tuning == Tuning.NONE ? "none" : tuningFile.toString(), events, windows, results,
                problems);
    }

    /** Window ends: {@code end}, {@code end - period}, ... while the window still overlaps the corpus span. */
    List<Instant> anchors(Duration period) {
        List<Instant> out = new ArrayList<>();
        for (Instant a = end; a.isAfter(start); a = a.minus(period)) {
            out.add(0, a);
        }
        return out;
    }

    /** The rows with {@code from < Timestamp <= to}, per table. */
    Map<String, Table> window(Instant from, Instant to) {
        Map<String, Table> out = new HashMap<>();
        for (Map.Entry<String, List<Object[]>> e : sorted.entrySet()) {
            Schema schema = schemas.get(e.getKey());
            int ts = schema.indexOf("Timestamp");
            List<Object[]> rows = e.getValue();
            if (ts < 0 || rows.isEmpty()) {
                out.put(e.getKey(), Table.of(schema, rows));
                continue;
            }
            int lo = firstAfter(rows, ts, from);
            int hi = firstAfter(rows, ts, to);
            out.put(e.getKey(), Table.of(schema, rows.subList(lo, hi)));
        }
        return out;
    }

    /** Index of the first row whose time is after {@code t} (rows sorted by time). */
    private static int firstAfter(List<Object[]> rows, int ts, Instant t) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Object v = rows.get(mid)[ts];
            if (v instanceof Instant time && !time.isAfter(t)) {
                lo = mid + 1;
            } else if (!(v instanceof Instant)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String branch(Alert a) {
        return a.branch() == null ? "(rule)" : a.branch();
    }

    private static List<PackMeasurement.TopRow> top(List<Alert> alerts, int n) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Alert> example = new LinkedHashMap<>();
        for (Alert a : alerts) {
            String text = text(a);
            String key = branch(a) + "\u0000" + nz(a.entities().process()) + "\u0000" + text.replaceAll("[0-9]+", "#");
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            c[1] += a.count();
            example.putIfAbsent(key, a);
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(e -> {
                    Alert a = example.get(e.getKey());
                    String[] parts = e.getKey().split("\u0000", 3);
                    return new PackMeasurement.TopRow(parts[0], parts[1], parts[2], e.getValue()[0], e.getValue()[1],
                            nz(a.entities().host()), text(a));
                }).toList();
    }

    /** What identifies the row to a rule author: the command line, else remote address, port and URL. */
    private static String text(Alert a) {
        String cmd = nz(a.entities().commandLine());
        if (!cmd.isEmpty()) {
            return cmd;
        }
        String url = nz(a.entities().url());
        Object dns = a.evidence().get("DnsQueryString");
        if (dns != null && !dns.toString().isEmpty()) {
            return "dns " + dns;
        }
        return nz(a.entities().remoteIp()) + ":" + nz(a.entities().remotePort()) + (url.isEmpty() ? "" : " " + url);
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
