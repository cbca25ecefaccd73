package io.egress.bench.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows one engine returned and another did not, compared as multisets of {@link ResultKeys}. */
public record ResultDiff(String left, String right, List<String> onlyLeft, List<String> onlyRight) {
    public static ResultDiff of(String left, RunResult a, String right, RunResult b) {
        return new ResultDiff(left, right, minus(a.keys(), b.keys()), minus(b.keys(), a.keys()));
    }

    public boolean same() {
        return onlyLeft.isEmpty() && onlyRight.isEmpty();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> counts = new HashMap<>();
        for (String key : b) {
            counts.merge(key, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (String key : a) {
            Integer n = counts.get(key);
            if (n == null || n == 0) {
                out.add(key);
            } else {
                counts.put(key, n - 1);
            }
        }
        return out;
    }

    /** A readable account of the difference, at most {@code limit} rows per side. */
    public String describe(int limit) {
        if (same()) {
            return left + " and " + right + " return the same rows";
        }
        StringBuilder out = new StringBuilder();
        out.append(left).append(" and ").append(right).append(" differ: ").append(onlyLeft.size()).append(" rows only in ")
                .append(left).append(", ").append(onlyRight.size()).append(" only in ").append(right).append('\n');
        out.append("  columns: ").append(String.join(" | ", ResultKeys.COLUMNS)).append('\n');
        onlyLeft.stream().limit(limit).forEach(k -> out.append("  only ").append(left).append(": ").append(k).append('\n'));
        onlyRight.stream().limit(limit).forEach(k -> out.append("  only ").append(right).append(": ").append(k).append('\n'));
        return out.toString();
    }
}
