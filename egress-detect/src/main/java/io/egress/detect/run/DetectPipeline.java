package io.egress.detect.run;

import io.egress.detect.rule.FilePosition;
import io.egress.detect.rule.RuleLoader;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.rule.RuleSet;
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
import java.util.List;

/**
 * The detect pipeline end to end: load rules, compile them against every table telemetry can fill, read
 * the telemetry, pick the anchor time, load the tuning, and run. Used by {@code egress detect} and by
 * scenario validation.
 */
public final class DetectPipeline {
    /** The bundled tuning file, relative to the bundled {@code rules/} folder. */
    public static final String BUNDLED_TUNING = "T1048.003/tuning.yaml";

    private final KqlEngine engine = new KqlEngine();
    private final Catalog catalog = Catalog.of(TelemetryLoader.schemas());

    /** Where a run's tables come from: the compiled rules (to read only what they need) and the requested anchor. */
    @FunctionalInterface
    public interface TelemetrySource {
        LoadResult load(List<CompiledRule> rules, java.util.Optional<Instant> requestedNow);
    }

    /** Runs over the request's input files. */
    public DetectRun run(DetectRequest request) {
        return run(request, (rules, now) -> new TelemetryLoader().load(request.inputs(),
                new LoadOptions(false, request.progress())));
    }

    /** Runs over tables from {@code source} (a store, or files and a store); the request's inputs are not read. */
    public DetectRun run(DetectRequest request, TelemetrySource source) {
        long started = System.nanoTime();
        RuleLoader loader = new RuleLoader();
        RuleSet rules = request.bundledRules() ? loader.bundled() : new RuleSet(List.of(), List.of());
        if (!request.extraRules().isEmpty()) {
            rules = rules.plus(loader.load(request.extraRules()));
        }
        RuleCompiler.Result compiled = new RuleCompiler(engine, catalog).compile(rules.rules());
        List<RuleProblem> problems = new ArrayList<>(rules.problems());
        problems.addAll(compiled.problems());
        LoadResult load = source.load(compiled.rules(), request.now());
        Instant now;
        String nowSource;
        if (request.now().isPresent()) {
            now = request.now().get();
            nowSource = "--now";
        } else if (load.latestEventTime().isPresent()) {
            now = load.latestEventTime().get();
            nowSource = "latest event";
        } else {
            now = Instant.now();
            nowSource = "clock: the input has no event times";
        }
        Tuning tuning = tuning(request);
        DetectionReport report = new Detector(engine).run(compiled.rules(), load.tables(), now, tuning);
        return new DetectRun(load, compiled.rules(), problems, tuning, report, nowSource,
                Duration.ofNanos(System.nanoTime() - started));
    }

    static Tuning tuning(DetectRequest request) {
        if (request.noTuning()) {
            return Tuning.NONE;
        }
        if (request.tuningFile().isPresent()) {
            Path file = request.tuningFile().get();
            try {
                return new TuningLoader().read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return new Tuning(file.toString(), List.of(), List.of(new RuleProblem(new FilePosition(file.toString(), 1, 1),
                        "TUNE001", "cannot read tuning file: " + e.getMessage(), "", "")));
            }
        }
        if (request.bundledRules()) {
            return bundledTuning();
        }
        return Tuning.NONE;
    }

    /**
     * Every tuning file of the bundled packs ({@code rules/pack.txt} lists them: the seed's
     * {@value #BUNDLED_TUNING} first, then e.g. {@code T1048.003-v2/tuning.yaml}), read and merged in order.
     */
    public static Tuning bundledTuning() {
        List<String> files = RuleLoader.bundledFiles().stream()
                .filter(f -> f.substring(f.lastIndexOf('/') + 1).equalsIgnoreCase("tuning.yaml")).toList();
        if (files.isEmpty()) {
            return Tuning.NONE;
        }
        List<String> sources = new ArrayList<>();
        List<io.egress.detect.tuning.Exclusion> exclusions = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (String file : files) {
            Tuning one = new TuningLoader().read("(bundled) rules/" + file, RuleLoader.bundledText(file));
            sources.add(sources.isEmpty() ? one.source() : "rules/" + file);
            exclusions.addAll(one.exclusions());
            problems.addAll(one.problems());
        }
        return new Tuning(String.join(" + ", sources), exclusions, problems);
    }
}
