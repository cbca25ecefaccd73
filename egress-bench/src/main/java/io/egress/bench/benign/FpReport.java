package io.egress.bench.benign;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the measurement as Markdown: the corpus, the headline table (packs side by side), per rule and branch, top rows. */
public final class FpReport {
    private FpReport() {
    }

    public static String corpus(BenignConfig config, BenignGenerator.Counts counts) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Corpus: %,d events, seed %d, %d devices, %d days ending %s (%s).%n%n", counts.events(),
                config.seed(), config.devices(), config.days(), config.end(), config.key()));
        b.append("| table | events |\n|---|---:|\n");
        counts.perTable().forEach((t, n) -> b.append(String.format(Locale.ROOT, "| %s | %,d |%n", t, n)));
        b.append("\n| population | events | share | what |\n|---|---:|---:|---|\n");
        for (Population p : Population.values()) {
            long n = counts.perPopulation().getOrDefault(p, 0L);
            b.append(String.format(Locale.ROOT, "| %s | %,d | %.1f%% | %s |%n", p, n, 100.0 * n / Math.max(1, counts.events()),
                    p.description()));
        }
        return b.toString();
    }

    public static String headline(List<PackMeasurement> packs) {
        StringBuilder b = new StringBuilder();
        b.append("| pack | events | alerts, no tuning | per 10^6 | alerts, bundled tuning | per 10^6 |\n|---|---:|---:|---:|---:|---:|\n");
        for (PackMeasurement p : packs) {
            b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %,d | %.1f |%n", p.pack(), p.events(), p.alerts(false),
                    p.perMillion(p.alerts(false)), p.alerts(true), p.perMillion(p.alerts(true))));
        }
        return b.toString();
    }

    public static String details(PackMeasurement p) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(p.pack()).append("\n\n");
        b.append(String.format(Locale.ROOT, "Tuning: %s. Runs per rule: %d (one per query period).%n%n", p.tuningSource(), p.windows()));
        for (String problem : p.problems()) {
            b.append("- problem: ").append(problem.replace("\n", " ")).append('\n');
        }
        b.append("| rule / branch | result rows | alerts, no tuning | per 10^6 | alerts, tuned | per 10^6 |\n|---|---:|---:|---:|---:|---:|\n");
        for (PackMeasurement.RuleMeasurement r : p.rules()) {
            b.append(String.format(Locale.ROOT, "| **%s** | %,d | %,d | %.1f | %,d | %.1f |%n", r.ruleName(), r.rows(), r.alertsUntuned(),
                    p.perMillion(r.alertsUntuned()), r.alertsTuned(), p.perMillion(r.alertsTuned())));
            r.branches().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(String.format(Locale.ROOT,
                    "| &nbsp;&nbsp;%s | %,d | %,d | %.1f | %,d | %.1f |%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    p.perMillion(e.getValue()[1]), e.getValue()[2], p.perMillion(e.getValue()[2]))));
        }
        b.append('\n');
        for (PackMeasurement.RuleMeasurement r : p.rules()) {
            if (!r.suppressedBy().isEmpty()) {
                b.append("Rows hidden by tuning (").append(r.ruleName()).append("): ");
                b.append(String.join(", ", r.suppressedBy().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue()).toList())).append("\n\n");
            }
            if (!r.top().isEmpty()) {
                b.append("Top alerting rows with tuning (").append(r.ruleName()).append("):\n\n");
                b.append("| alerts | rows | branch | process | example host | example |\n|---:|---:|---|---|---|---|\n");
                for (PackMeasurement.TopRow t : r.top()) {
                    b.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | `%s` |%n", t.alerts(), t.rows(), t.branch(), t.process(),
                            t.exampleHost(), clip(t.exampleText(), 160).replace("|", "\\|").replace("`", "'")));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
