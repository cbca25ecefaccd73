package io.egress.detect.validate;

import io.egress.data.ValueFormat;
import io.egress.detect.alert.Alert;
import io.egress.detect.rule.Rule;
import io.egress.detect.run.CompiledRule;
import io.egress.detect.run.DetectPipeline;
import io.egress.detect.run.DetectRequest;
import io.egress.detect.run.DetectRun;
import io.egress.detect.run.RuleOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a scenario through the detect pipeline (bundled rules, the scenario's tuning) and judges each
 * branch of the rule it names against {@code expect.yaml}.
 */
public final class Validator {
    private final DetectPipeline pipeline = new DetectPipeline();

    public ScenarioResult validate(Scenario scenario) {
        Optional<Path> tuningFile = Optional.empty();
        boolean noTuning = scenario.tuning().equalsIgnoreCase("none");
        if (!noTuning && !scenario.tuning().equalsIgnoreCase("bundled")) {
            tuningFile = Optional.of(scenario.folder().resolve(scenario.tuning()));
        }
        DetectRun run = pipeline.run(new DetectRequest(List.of(scenario.folder()), true, List.of(), tuningFile, noTuning,
                scenario.now(), null));
        Expectation expect = scenario.expectation();
        List<String> failures = new ArrayList<>();
        run.allProblems().forEach(p -> failures.add("problem: " + p.headline()));
        Optional<CompiledRule> compiled = run.rules().stream().filter(r -> matches(r.rule(), expect.rule())).findFirst();
        Map<String, Cell> cells = new LinkedHashMap<>();
        if (compiled.isEmpty()) {
            failures.add("rule '" + expect.rule() + "' is not loaded");
            return new ScenarioResult(scenario, expect.rule(), cells, failures, run);
        }
        RuleOutcome outcome = run.report().outcomes().stream().filter(o -> o.rule().id().equals(compiled.get().rule().id()))
                .findFirst().orElseThrow();
        List<String> branches = new ArrayList<>(compiled.get().structure().unionLegs());
        if (branches.isEmpty()) {
            branches.add("(rule)");
        }
        for (String branch : branches) {
            List<Alert> alerts = outcome.alerts().stream()
                    .filter(a -> branch.equals("(rule)") || branch.equals(a.branch())).toList();
            List<Expectation.Fire> fires = expect.fires().stream().filter(f -> f.branch().equals(branch)).toList();
            Optional<Expectation.KnownMiss> miss = expect.knownMisses().stream().filter(m -> m.branch().equals(branch)).findFirst();
            Cell cell;
            if (!fires.isEmpty()) {
                cell = Cell.HIT;
                for (Expectation.Fire fire : fires) {
                    if (alerts.stream().noneMatch(a -> detailsMatch(a, fire.customDetails()))) {
                        cell = Cell.MISS;
                        failures.add(branch + " should fire" + (fire.customDetails().isEmpty() ? "" : " with " + fire.customDetails())
                                + " but " + (alerts.isEmpty() ? "raised no alert" : "raised " + describe(alerts)));
                    }
                }
            } else if (miss.isPresent()) {
                cell = alerts.isEmpty() ? Cell.KNOWN_MISS : Cell.GAP_CLOSED;
                if (!alerts.isEmpty()) {
                    failures.add(branch + " is listed as a known miss but fired (" + describe(alerts) + "): update expect.yaml");
                }
            } else {
                cell = alerts.isEmpty() ? Cell.SILENT : Cell.FALSE_POSITIVE;
                if (!alerts.isEmpty()) {
                    failures.add(branch + " must stay silent but raised " + describe(alerts));
                }
            }
            cells.put(branch, cell);
        }
        for (String unknown : unknownBranches(expect, branches)) {
            failures.add("expect.yaml names branch '" + unknown + "', which the rule does not have (" + String.join(", ", branches) + ")");
        }
        for (String exclusion : expect.suppressedBy()) {
            if (outcome.exclusionHits().getOrDefault(exclusion, 0) == 0) {
                failures.add("exclusion '" + exclusion + "' should hide a row but hid none");
            }
        }
        Rule rule = compiled.get().rule();
        return new ScenarioResult(scenario, rule.name() + " (" + rule.id() + ")", cells, failures, run);
    }

    private static List<String> unknownBranches(Expectation expect, List<String> branches) {
        List<String> named = new ArrayList<>();
        expect.fires().forEach(f -> named.add(f.branch()));
        expect.knownMisses().forEach(m -> named.add(m.branch()));
        named.addAll(expect.silent());
        return named.stream().filter(b -> !branches.contains(b)).distinct().toList();
    }

    private static boolean detailsMatch(Alert alert, Map<String, String> wanted) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Object value = alert.customDetails().get(e.getKey());
            if (value == null || !ValueFormat.toKqlString(value).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<Alert> alerts) {
        List<String> parts = new ArrayList<>();
        for (Alert a : alerts) {
            parts.add(a.customDetails().isEmpty() ? "an alert" : "an alert with " + a.customDetails()
                    + (a.entities().process() == null ? "" : " (" + a.entities().process() + ")"));
        }
        return String.join(", ", parts);
    }

    private static boolean matches(Rule rule, String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT);
        return rule.id().toLowerCase(Locale.ROOT).equals(w) || rule.name().toLowerCase(Locale.ROOT).equals(w);
    }
}
