package io.egress.bench.sql;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Kusto's {@code has} / {@code has_any} as DuckDB SQL. A needle matches where each alphanumeric edge
 * of the needle falls on a term boundary (terms are maximal runs of ASCII letters and digits), case
 * insensitively; an edge that is not alphanumeric needs no boundary. So {@code has "curl.exe"} needs a
 * boundary on both sides, {@code has "-T "} none, and {@code has "ftp://"} one before the {@code f}.
 *
 * <p>The SQL is one RE2 alternation per {@code has_any}, applied to a lower-cased column:
 * {@code regexp_matches(lc, '(?:(?:^|[^a-z0-9])curl\.exe(?:$|[^a-z0-9])|-t )')}.
 */
public final class KustoTerms {
    private static final String BEFORE = "(?:^|[^a-z0-9])";
    private static final String AFTER = "(?:$|[^a-z0-9])";
    private static final String META = "\\.+*?()|[]{}^$";

    private KustoTerms() {
    }

    /** SQL for {@code column has_any (needles)}; {@code loweredColumn} must already be lower-cased. */
    public static String hasAny(String loweredColumn, List<String> needles) {
        Objects.requireNonNull(loweredColumn, "loweredColumn");
        if (needles.isEmpty()) {
            return "FALSE";
        }
        return "regexp_matches(" + loweredColumn + ", " + sqlString(pattern(needles)) + ")";
    }

    /** SQL for {@code column has needle}. */
    public static String has(String loweredColumn, String needle) {
        return hasAny(loweredColumn, List.of(needle));
    }

    /** The RE2 pattern matching any of the needles with Kusto's term boundaries, over lower-cased text. */
    public static String pattern(List<String> needles) {
        StringBuilder out = new StringBuilder("(?:");
        for (int i = 0; i < needles.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            String needle = needles.get(i).toLowerCase(Locale.ROOT);
            if (needle.isEmpty()) {
                throw new IllegalArgumentException("empty needle");
            }
            if (isTermChar(needle.charAt(0))) {
                out.append(BEFORE);
            }
            out.append(escape(needle));
            if (isTermChar(needle.charAt(needle.length() - 1))) {
                out.append(AFTER);
            }
        }
        return out.append(')').toString();
    }

    /** Escapes RE2 metacharacters. */
    public static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (META.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A SQL string literal. */
    public static String sqlString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static boolean isTermChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
