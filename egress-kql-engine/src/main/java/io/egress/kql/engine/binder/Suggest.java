package io.egress.kql.engine.binder;

import io.egress.kql.syntax.text.EditDistance;
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
            int d = EditDistance.between(lower, c.toLowerCase(Locale.ROOT));
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
}
