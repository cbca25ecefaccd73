package io.egress.detect.run;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.detect.alert.Alert;
import io.egress.detect.alert.AlertGrouper;
import io.egress.detect.alert.Hit;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.tuning.CompiledTuning;
import io.egress.detect.tuning.Exclusion;
import io.egress.detect.tuning.ExclusionCompiler;
import io.egress.detect.tuning.Tuning;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.engine.QueryRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs compiled rules over tables: executes each rule's query with {@code ago()} anchored at
 * {@code now}, evaluates the tuning exclusions inside the engine (one bool column per exclusion over the
 * rule's result), turns the surviving rows into hits (branch, entities, matched patterns, custom
 * details, evidence) and groups them into alerts.
 */
public final class Detector {
    private final KqlEngine engine;

    public Detector(KqlEngine engine) {
        this.engine = engine;
    }

    /**
     * One run. Exclusion expiry is judged on {@code now}'s UTC date, so a replay of old telemetry sees the
     * tuning that was valid then.
     */
    public DetectionReport run(List<CompiledRule> rules, Map<String, Table> tables, Instant now, Tuning tuning) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<RuleOutcome> outcomes = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>(tuning.problems());
        for (RuleOutcome outcome : runAll(rules, tables, now, tuning, today)) {
            outcome.error().ifPresent(problems::add);
            outcomes.add(outcome);
        }
        return new DetectionReport(now, outcomes, problems, tuning.expired(today));
    }

    /** Stack for rule threads: deep expressions recurse, as on the launcher's main thread ({@code -Xss8m}). */
    private static final long RULE_STACK = 8L << 20;

    /**
     * Every rule's outcome, in rule order. Rules are independent queries over the same read-only tables,
     * so they run on all cores; one rule runs on one thread.
     */
    private List<RuleOutcome> runAll(List<CompiledRule> rules, Map<String, Table> tables, Instant now, Tuning tuning,
                                     LocalDate today) {
        int threads = Math.min(rules.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return rules.stream().map(rule -> runRule(rule, tables, now, tuning, today)).toList();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(null, task, "egress-rule", RULE_STACK);
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<RuleOutcome>> pending = new ArrayList<>();
            for (CompiledRule rule : rules) {
                pending.add(pool.submit(() -> runRule(rule, tables, now, tuning, today)));
            }
            List<RuleOutcome> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<RuleOutcome> future : pending) {
                outcomes.add(join(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuleOutcome join(java.util.concurrent.Future<RuleOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running rules", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    RuleOutcome runRule(CompiledRule compiled, Map<String, Table> tables, Instant now, Tuning tuning, LocalDate today) {
        long started = System.nanoTime();
        CompiledTuning compiledTuning = ExclusionCompiler.compile(compiled.rule(), tuning, compiled.resultSchema(),
                compiled.branchColumn(), today);
        Table result;
        try {
            result = compiled.compilation().execute(tables, now);
        } catch (QueryRuntimeException e) {
            return failed(compiled, compiledTuning, RuleCompiler.problem(compiled.rule(), e.diagnostic()), started);
        }
        boolean[][] flags;
        try {
            flags = exclusionFlags(compiledTuning, result, now);
        } catch (TuningException e) {
            return failed(compiled, compiledTuning, e.problem, started);
        }
        Schema schema = result.schema();
        int branchIndex = compiled.branchColumn() == null ? -1 : schema.indexOf(compiled.branchColumn());
        int timeIndex = timeColumn(schema);
        List<Hit> kept = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        Map<String, Integer> exclusionHits = new LinkedHashMap<>();
        compiledTuning.exclusions().forEach(e -> exclusionHits.put(e.id(), 0));
        List<Object[]> rows = result.rows();
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            Hit hit = hit(compiled, schema, row, branchIndex, timeIndex);
            List<Exclusion> by = new ArrayList<>();
            for (int e = 0; e < compiledTuning.exclusions().size(); e++) {
                if (flags[r][e]) {
                    Exclusion exclusion = compiledTuning.exclusions().get(e);
                    by.add(exclusion);
                    exclusionHits.merge(exclusion.id(), 1, Integer::sum);
                }
            }
            if (by.isEmpty()) {
                kept.add(hit);
            } else {
                suppressed.add(new Suppressed(compiled.rule().id(), hit, by));
            }
        }
        boolean fired = compiled.rule().trigger().fires(kept.size());
        List<Alert> alerts = fired ? AlertGrouper.group(compiled.rule(), kept) : List.of();
        return new RuleOutcome(compiled.rule(), rows.size(), suppressed, exclusionHits, alerts, fired, compiledTuning,
                Optional.empty(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Runs the tuning query over the rule's result: {@code flags[row][exclusion]}. */
    private boolean[][] exclusionFlags(CompiledTuning tuning, Table result, Instant now) {
        int n = tuning.exclusions().size();
        boolean[][] flags = new boolean[result.rowCount()][n];
        if (n == 0 || result.rowCount() == 0) {
            return flags;
        }
        Compilation compilation = engine.compile(tuning.query(), Catalog.of(Map.of(CompiledTuning.INPUT_TABLE, result.schema())));
        if (compilation.hasErrors()) {
            var d = compilation.diagnostics().stream().filter(x -> x.isError()).findFirst().orElseThrow();
            throw new TuningException(tuningProblem(tuning, d.message() + " in: " + tuning.query()));
        }
        Table flagged;
        try {
            flagged = compilation.execute(Map.of(CompiledTuning.INPUT_TABLE, result), now);
        } catch (QueryRuntimeException e) {
            throw new TuningException(tuningProblem(tuning, e.diagnostic().message()));
        }
        int[] columns = new int[n];
        for (int e = 0; e < n; e++) {
            columns[e] = flagged.schema().indexOf(CompiledTuning.column(e));
        }
        for (int r = 0; r < flagged.rowCount(); r++) {
            Object[] row = flagged.rows().get(r);
            for (int e = 0; e < n; e++) {
                flags[r][e] = Boolean.TRUE.equals(row[columns[e]]);
            }
        }
        return flags;
    }

    private static RuleProblem tuningProblem(CompiledTuning tuning, String message) {
        Exclusion first = tuning.exclusions().get(0);
        return new RuleProblem(first.position(), "TUNE010", "tuning predicates failed: " + message,
                "check the exclusions for this rule", "");
    }

    private static Hit hit(CompiledRule compiled, Schema schema, Object[] row, int branchIndex, int timeIndex) {
        String branch = branchIndex >= 0 && row[branchIndex] instanceof String s && !s.isEmpty() ? s : null;
        Instant time = timeIndex >= 0 && row[timeIndex] instanceof Instant t ? t : null;
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int c = 0; c < schema.size(); c++) {
            if (c != branchIndex) {
                evidence.put(schema.column(c).name(), row[c]);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        compiled.rule().customDetails().forEach((name, column) -> {
            int index = schema.indexOf(column);
            if (index >= 0 && row[index] != null) {
                details.put(name, row[index]);
            }
        });
        return new Hit(time, branch, compiled.entities().extract(row), compiled.matcher(branch).find(row), details, evidence);
    }

    /** {@code Timestamp}, else {@code TimeGenerated}, else the first datetime column; -1 when none. */
    static int timeColumn(Schema schema) {
        for (String name : List.of("Timestamp", "TimeGenerated")) {
            int index = schema.indexOf(name);
            if (index >= 0 && schema.column(index).type() == ScalarType.DATETIME) {
                return index;
            }
        }
        for (int i = 0; i < schema.size(); i++) {
            if (schema.column(i).type() == ScalarType.DATETIME) {
                return i;
            }
        }
        return -1;
    }

    private static RuleOutcome failed(CompiledRule compiled, CompiledTuning tuning, RuleProblem problem, long started) {
        return new RuleOutcome(compiled.rule(), 0, List.of(), Map.of(), List.of(), false, tuning, Optional.of(problem),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Carries a tuning failure out of the flag evaluation. */
    private static final class TuningException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuleProblem problem;

        TuningException(RuleProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
