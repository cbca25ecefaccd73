package io.egress.kql.engine.binder;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for unknown names: a case-insensitive match first, else the closest by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The best candidate, or null when none is close enough. */
    public static String best(String name, Collection<String> candidates) {
        for (String c : candidates) {
            if (c.equalsIgnoreCase(name)) {
                return c;
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, name.length() / 3);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    static String hint(String name, Collection<String> candidates) {
        String best = best(name, candidates);
        return best == null ? null : "did you mean `" + best + "`?";
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
