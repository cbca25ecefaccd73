package io.egress.kql.syntax.parser;

import java.util.List;
import java.util.Locale;

/** Names of the tabular operators this parser knows, for "did you mean" hints. */
final class OperatorNames {
    static final List<String> ALL = List.of("where", "filter", "extend", "project", "project-away", "project-keep",
            "project-rename", "project-reorder", "summarize", "join", "lookup", "union", "sort", "order", "top",
            "take", "limit", "distinct", "count", "mv-expand", "mvexpand", "mv-apply", "parse", "parse-where",
            "parse-kv", "as", "serialize", "getschema", "search", "find", "sample", "sample-distinct", "top-nested",
            "make-series", "evaluate", "invoke", "render", "fork", "facet", "consume", "partition", "scan",
            "top-hitters", "reduce");

    private OperatorNames() {
    }

    /** The known operator closest to {@code name} (edit distance at most 2, case ignored), or null. */
    static String closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = lower.length() < 4 ? 1 : lower.length() < 6 ? 2 : 3;
        for (String candidate : ALL) {
            int d = distance(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
