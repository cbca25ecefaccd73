package io.egress.kql.engine.functions.operators;

import io.egress.kql.engine.functions.terms.TermMatcher;
import io.egress.kql.engine.functions.terms.Terms;
import java.util.List;
import java.util.function.Predicate;

/**
 * Prepared string predicates for the string operators, built once from a constant right operand.
 * Substring operators ({@code contains}, {@code startswith}, {@code endswith}) are case-insensitive
 * unless {@code _cs}; the {@code has} family uses {@link TermMatcher}.
 */
final class StringPredicates {
    private StringPredicates() {
    }

    /** The predicate for a positive operator name (no {@code !}), or null if the name is not a string operator. */
    static Predicate<String> forOperator(String op, String needle) {
        return switch (op) {
            case "has" -> term(needle, false, TermMatcher.Mode.TERM);
            case "has_cs" -> term(needle, true, TermMatcher.Mode.TERM);
            case "hasprefix" -> term(needle, false, TermMatcher.Mode.PREFIX);
            case "hasprefix_cs" -> term(needle, true, TermMatcher.Mode.PREFIX);
            case "hassuffix" -> term(needle, false, TermMatcher.Mode.SUFFIX);
            case "hassuffix_cs" -> term(needle, true, TermMatcher.Mode.SUFFIX);
            case "contains" -> containsIgnoreCase(needle);
            case "contains_cs" -> s -> s.contains(needle);
            case "startswith" -> s -> s.regionMatches(true, 0, needle, 0, needle.length());
            case "startswith_cs" -> s -> s.startsWith(needle);
            case "endswith" -> s -> s.length() >= needle.length()
                    && s.regionMatches(true, s.length() - needle.length(), needle, 0, needle.length());
            case "endswith_cs" -> s -> s.endsWith(needle);
            case "=~" -> s -> s.equalsIgnoreCase(needle);
            default -> null;
        };
    }

    /** Operator names accepted here, with their {@code !} forms and legacy spellings mapped. */
    static String positive(String op) {
        return switch (op) {
            case "notcontains" -> "contains";
            case "notcontainscs" -> "contains_cs";
            case "containscs" -> "contains_cs";
            case ":" -> "has"; // search-style column:term
            case "!~" -> "=~";
            default -> op.startsWith("!") ? op.substring(1) : op;
        };
    }

    static boolean negated(String op) {
        return op.startsWith("!") || op.equals("notcontains") || op.equals("notcontainscs");
    }

    private static Predicate<String> term(String needle, boolean cs, TermMatcher.Mode mode) {
        TermMatcher m = TermMatcher.compile(List.of(needle), cs, mode);
        return m::matchesAny;
    }

    static Predicate<String> containsIgnoreCase(String needle) {
        String folded = Terms.fold(needle);
        int m = folded.length();
        if (m == 0) {
            return s -> true;
        }
        char first = folded.charAt(0);
        return s -> {
            int last = s.length() - m;
            outer:
            for (int i = 0; i <= last; i++) {
                if (Terms.fold(s.charAt(i)) != first) {
                    continue;
                }
                for (int j = 1; j < m; j++) {
                    if (Terms.fold(s.charAt(i + j)) != folded.charAt(j)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        };
    }
}
