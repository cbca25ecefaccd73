package io.egress.detect.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints scenario × branch verdicts, one table per judged rule (each rule has its own branches), then
 * the known gaps (with reasons), the failures and the totals.
 */
public final class ValidationMatrix {
    private ValidationMatrix() {
    }

    public static List<String> render(List<ScenarioResult> results) {
        Map<String, List<ScenarioResult>> byRule = new LinkedHashMap<>();
        results.forEach(r -> byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<ScenarioResult>> rule : byRule.entrySet()) {
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add("RULE " + rule.getKey());
            out.addAll(table(rule.getValue()));
        }
        out.add("");
        out.add("HIT fired as expected, - silent as expected, gap known miss (documented blind spot),");
        out.add("MISS! should have fired, FP! should have stayed silent, CAUGHT! a known miss now fires.");
        boolean gaps = false;
        for (ScenarioResult r : results) {
            for (Expectation.KnownMiss miss : r.scenario().expectation().knownMisses()) {
                if (!gaps) {
                    out.add("");
                    out.add("Known gaps:");
                    gaps = true;
                }
                out.add("  " + r.scenario().name() + " / " + miss.branch() + ": " + miss.reason().replaceAll("\\s+", " "));
            }
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (failed > 0) {
            out.add("");
            out.add("Failures:");
            for (ScenarioResult r : results) {
                r.failures().forEach(f -> out.add("  " + r.scenario().name() + ": " + f));
            }
        }
        out.add("");
        out.add(results.size() + " scenarios, " + (results.size() - failed) + " passed, " + failed + " failed");
        return out;
    }

    private static List<String> table(List<ScenarioResult> results) {
        Set<String> branches = new LinkedHashSet<>();
        results.forEach(r -> branches.addAll(r.cells().keySet()));
        int nameWidth = "SCENARIO".length();
        for (ScenarioResult r : results) {
            nameWidth = Math.max(nameWidth, r.scenario().name().length());
        }
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder(pad("SCENARIO", nameWidth));
        for (String b : branches) {
            header.append("  ").append(b);
        }
        header.append("  RESULT");
        out.add(header.toString());
        for (ScenarioResult r : results) {
            StringBuilder line = new StringBuilder(pad(r.scenario().name(), nameWidth));
            for (String b : branches) {
                Cell cell = r.cells().get(b);
                line.append("  ").append(pad(cell == null ? "" : cell.symbol(), b.length()));
            }
            line.append("  ").append(r.passed() ? "ok" : "FAIL");
            out.add(line.toString());
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
