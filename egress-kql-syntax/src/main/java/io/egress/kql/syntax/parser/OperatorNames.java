package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.text.EditDistance;
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

    /** Real KQL operators this parser does not read (graph operators and rarities). */
    static final java.util.Set<String> UNSUPPORTED = java.util.Set.of("make-graph", "graph-match", "graph-merge",
            "graph-to-table", "graph-shortest-paths", "graph-mark-components", "project-by-names", "macro-expand",
            "execute-and-cache", "assert-schema", "project-smart");

    private OperatorNames() {
    }

    /** The known operator closest to {@code name} (edit distance at most 2, case ignored), or null. */
    static String closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = lower.length() < 4 ? 1 : lower.length() < 6 ? 2 : 3;
        for (String candidate : ALL) {
            int d = EditDistance.between(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }
}
