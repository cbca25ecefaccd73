package io.egress.detect.output;

import io.egress.data.ValueFormat;
import io.egress.detect.alert.Alert;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.run.DetectRun;
import io.egress.detect.run.RuleOutcome;
import io.egress.detect.run.Suppressed;
import io.egress.detect.tuning.Exclusion;
import io.egress.telemetry.FileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run summary printed after the alerts: anchor time, files, events per table, rules run, alerts per
 * rule and per custom-detail value (ExfilMethod for the bundled pack), suppressed counts per exclusion,
 * expired exclusions, malformed records and elapsed time.
 */
public final class Summary {
    private Summary() {
    }

    public static List<String> render(DetectRun run, Style style) {
        List<String> out = new ArrayList<>();
        out.add(style.bold("Summary"));
        out.add(row("now", ValueFormat.datetime(run.report().now()) + " (" + run.nowSource() + ")"));
        Map<String, Integer> formats = new TreeMap<>();
        int unread = 0;
        for (FileReport file : run.load().files()) {
            if (file.format().equals("skipped") || file.format().equals("empty")) {
                continue;
            }
            if (file.format().equals("unknown") || file.format().equals("unreadable")) {
                unread++;
            } else {
                formats.merge(file.format(), 1, Integer::sum);
            }
        }
        int read = formats.values().stream().mapToInt(Integer::intValue).sum();
        out.add(row("files", read + " read" + (formats.isEmpty() ? "" : " (" + join(formats) + ")")
                + (unread > 0 ? ", " + unread + " not readable" : "")));
        Map<String, Integer> tables = new TreeMap<>();
        run.load().tables().forEach((name, table) -> {
            if (table.rowCount() > 0) {
                tables.put(name, table.rowCount());
            }
        });
        out.add(row("events", run.load().totalRecords() + " records -> " + (tables.isEmpty() ? "no rows" : join(tables))));
        out.add(row("malformed", String.valueOf(run.load().totalMalformed())));
        long failed = run.ruleProblems().stream().map(p -> p.position().file()).distinct().count();
        out.add(row("rules", run.rules().size() + " run" + (failed > 0 ? ", " + failed + " could not run (see errors above)" : "")));
        List<Alert> alerts = run.report().alerts();
        out.add(row("alerts", String.valueOf(alerts.size())));
        for (RuleOutcome outcome : run.report().outcomes()) {
            out.add(row("", outcome.alerts().size() + "  " + outcome.rule().name() + " (" + outcome.resultRows() + " result rows"
                    + (outcome.error().isPresent() ? ", FAILED" : "") + ")"));
        }
        Map<String, Integer> byDetail = new TreeMap<>();
        Map<String, Integer> byBranch = new TreeMap<>();
        for (Alert a : alerts) {
            a.customDetails().forEach((k, v) -> byDetail.merge(k + "=" + ValueFormat.toKqlString(v), 1, Integer::sum));
            if (a.branch() != null) {
                byBranch.merge(a.branch(), 1, Integer::sum);
            }
        }
        if (!byBranch.isEmpty()) {
            out.add(row("by branch", join(byBranch)));
        }
        if (!byDetail.isEmpty()) {
            Map<String, Integer> shortKeys = new TreeMap<>();
            byDetail.forEach((k, v) -> shortKeys.put(k.substring(k.indexOf('=') + 1), v));
            String key = byDetail.keySet().iterator().next();
            boolean single = byDetail.keySet().stream().allMatch(k -> k.startsWith(key.substring(0, key.indexOf('=') + 1)));
            out.add(row(single ? "by " + key.substring(0, key.indexOf('=')) : "by detail", join(single ? shortKeys : byDetail)));
        }
        Map<String, Integer> hits = new TreeMap<>();
        int suppressedRows = 0;
        for (RuleOutcome outcome : run.report().outcomes()) {
            suppressedRows += outcome.suppressed().size();
            outcome.exclusionHits().forEach((id, n) -> {
                if (n > 0) {
                    hits.merge(id, n, Integer::sum);
                }
            });
        }
        out.add(row("tuning", run.tuning().source() + " (" + run.tuning().exclusions().size() + " exclusions)"));
        out.add(row("suppressed", suppressedRows + " rows" + (hits.isEmpty() ? "" : " (" + join(hits) + ")")));
        for (Exclusion e : run.report().expired()) {
            out.add(row("expired", e.id() + " (expired " + e.expires() + ", not applied) " + e.position()));
        }
        out.add(row("elapsed", String.format(Locale.ROOT, "%.2f s", run.elapsed().toNanos() / 1e9)));
        return out;
    }

    /** {@code --show-suppressed}: each hidden row with the exclusion that hid it and why. */
    public static List<String> suppressed(DetectRun run, int width, Style style) {
        List<String> out = new ArrayList<>();
        List<Suppressed> all = run.report().suppressed();
        out.add(style.bold("Suppressed by tuning (" + all.size() + ")"));
        for (Suppressed s : all) {
            Exclusion first = s.by().get(0);
            var e = s.hit().entities();
            String when = s.hit().time() == null ? "" : ValueFormat.datetime(s.hit().time());
            out.add(AlertTable.fit("  " + when + "  " + (s.hit().branch() == null ? "" : s.hit().branch() + "  ")
                    + orEmpty(e.host()) + "  " + orEmpty(e.account()) + "  " + orEmpty(e.process()), width));
            String what = e.commandLine() != null ? e.commandLine()
                    : "-> " + orEmpty(e.remoteIp()) + (e.remotePort() == null ? "" : ":" + e.remotePort());
            out.add(AlertTable.fit("      " + what, width));
            out.add(AlertTable.fit("      by " + String.join(", ", s.by().stream().map(Exclusion::id).toList())
                    + ": " + first.reason(), width));
        }
        return out;
    }

    /** A problem as {@code file:line:col: error CODE: message}, the line, a caret, and the hint. */
    public static List<String> problem(RuleProblem p) {
        List<String> out = new ArrayList<>();
        out.add(p.headline());
        if (!p.line().isEmpty()) {
            out.add("  " + p.line());
            out.add("  " + " ".repeat(Math.max(0, p.position().column() - 1)) + "^");
        }
        if (!p.hint().isEmpty()) {
            out.add("  hint: " + p.hint());
        }
        return out;
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "  %-14s %s", label, value);
    }

    private static String join(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
