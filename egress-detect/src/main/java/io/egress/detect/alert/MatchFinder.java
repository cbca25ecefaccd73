package io.egress.detect.alert;

import io.egress.data.Schema;
import io.egress.detect.query.Pattern;
import io.egress.kql.engine.functions.terms.TermMatch;
import io.egress.kql.engine.functions.terms.TermMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Says which of a branch's patterns matched a result row, and where: {@code has}-family operators use
 * Kusto term semantics ({@link TermMatcher}), {@code contains}/{@code startswith}/{@code endswith} plain
 * search, {@code matches regex} RE2, and {@code ==}/{@code =~}/{@code in} the whole value. Compiled once
 * per rule branch and result schema.
 */
public final class MatchFinder {
    private final List<Compiled> compiled = new ArrayList<>();

    public MatchFinder(Schema schema, List<Pattern> patterns) {
        Set<Pattern> distinct = new LinkedHashSet<>(patterns);
        for (Pattern pattern : distinct) {
            int column = schema.indexOf(pattern.column());
            if (column >= 0) {
                compiled.add(new Compiled(pattern, column));
            }
        }
    }

    public List<MatchedPattern> find(Object[] row) {
        Set<MatchedPattern> out = new LinkedHashSet<>();
        for (Compiled c : compiled) {
            if (row[c.column] instanceof String value && !value.isEmpty()) {
                c.find(value, out);
            }
        }
        List<MatchedPattern> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(MatchedPattern::field).thenComparingInt(MatchedPattern::start)
                .thenComparing(MatchedPattern::pattern));
        return sorted;
    }

    /** One pattern, prepared. */
    private static final class Compiled {
        final Pattern pattern;
        final int column;
        final TermMatcher terms;
        final List<com.google.re2j.Pattern> regexes = new ArrayList<>();

        Compiled(Pattern pattern, int column) {
            this.pattern = pattern;
            this.column = column;
            String op = pattern.operator();
            TermMatcher t = null;
            if (op.startsWith("has")) {
                TermMatcher.Mode mode = op.startsWith("hasprefix") ? TermMatcher.Mode.PREFIX
                        : op.startsWith("hassuffix") ? TermMatcher.Mode.SUFFIX : TermMatcher.Mode.TERM;
                t = TermMatcher.compile(pattern.needles(), pattern.caseSensitive(), mode);
            } else if (op.equals("matches regex")) {
                for (String needle : pattern.needles()) {
                    try {
                        regexes.add(com.google.re2j.Pattern.compile(needle));
                    } catch (RuntimeException e) {
                        // the engine rejected the query already if the regex were bad; nothing to highlight
                    }
                }
            }
            this.terms = t;
        }

        void find(String value, Set<MatchedPattern> out) {
            String op = pattern.operator();
            if (terms != null) {
                for (TermMatch m : terms.findAll(value)) {
                    add(out, m.needle(), m.start(), m.end(), value);
                }
            } else if (!regexes.isEmpty()) {
                for (com.google.re2j.Pattern regex : regexes) {
                    com.google.re2j.Matcher m = regex.matcher(value);
                    while (m.find()) {
                        add(out, regex.pattern(), m.start(), m.end(), value);
                        if (m.end() == m.start()) {
                            break;
                        }
                    }
                }
            } else {
                boolean ignoreCase = !pattern.caseSensitive();
                for (String needle : pattern.needles()) {
                    if (needle.isEmpty()) {
                        continue;
                    }
                    if (op.startsWith("contains")) {
                        for (int at = indexOf(value, needle, 0, ignoreCase); at >= 0;
                             at = indexOf(value, needle, at + needle.length(), ignoreCase)) {
                            add(out, needle, at, at + needle.length(), value);
                        }
                    } else if (op.startsWith("startswith")) {
                        if (value.regionMatches(ignoreCase, 0, needle, 0, needle.length())) {
                            add(out, needle, 0, needle.length(), value);
                        }
                    } else if (op.startsWith("endswith")) {
                        int at = value.length() - needle.length();
                        if (at >= 0 && value.regionMatches(ignoreCase, at, needle, 0, needle.length())) {
                            add(out, needle, at, value.length(), value);
                        }
                    } else if (ignoreCase ? value.equalsIgnoreCase(needle) : value.equals(needle)) {
                        add(out, needle, 0, value.length(), value);
                    }
                }
            }
        }

        private void add(Set<MatchedPattern> out, String needle, int start, int end, String value) {
            out.add(new MatchedPattern(pattern.column(), pattern.operator(), needle, start, end, value.substring(start, end)));
        }

        private static int indexOf(String value, String needle, int from, boolean ignoreCase) {
            if (!ignoreCase) {
                return value.indexOf(needle, from);
            }
            for (int i = from; i + needle.length() <= value.length(); i++) {
                if (value.regionMatches(true, i, needle, 0, needle.length())) {
                    return i;
                }
            }
            return -1;
        }
    }
}
