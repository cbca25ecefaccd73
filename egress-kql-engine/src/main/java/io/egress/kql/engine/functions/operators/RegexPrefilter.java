package io.egress.kql.engine.functions.operators;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A cheap test in front of RE2/J: the literals one of which every match of a regex must contain, found
 * by reading the pattern. {@code mayMatch(text)} is false only when none of them occurs in the text, so
 * the regex cannot match there and RE2's automaton need not run. Most rows of a detection fail this
 * test ({@code (?i)\s-m\s+(http\.server|SimpleHTTPServer)} needs "http.server" or "simplehttpserver").
 * A pattern with a long counted run of one ASCII class ({@code [A-Za-z0-9+/]{20,}}, {@code \w{32}}) also
 * needs that many consecutive characters of the class, which a plain scan finds far faster than RE2/J's
 * automaton, whose counted repetitions expand into one state per count.
 *
 * <p>The analysis is deliberately conservative: any construct it does not fully understand (a
 * case-insensitive group after the start, back-references, unknown escapes) gives no prefilter, and
 * a case-insensitive prefilter lets every text with a non-ASCII character through (RE2 folds the
 * Kelvin sign to k and the long s to s).
 */
public final class RegexPrefilter {
    private static final int MAX_EXACT = 64;
    private static final int MAX_LITERALS = 16;
    private static final int MIN_LENGTH = 3;
    /** Runs shorter than this are in most texts: not worth a scan. */
    private static final int MIN_RUN = 6;

    /** Null when no literal is required. */
    private final String[] literals;
    /** Null when no run is required. */
    private final Run run;
    private final boolean ignoreCase;

    private RegexPrefilter(Set<String> literals, Run run, boolean ignoreCase) {
        this.literals = literals == null ? null : literals.toArray(String[]::new);
        this.run = run;
        this.ignoreCase = ignoreCase;
    }

    /** At least {@code min} consecutive characters of one ASCII class. */
    record Run(AsciiSet members, int min) {
        static Run of(char c) {
            return new Run(AsciiSet.of(c), 1);
        }

        Run union(Run other) {
            return new Run(members.with(other.members), Math.min(min, other.min));
        }

        Run times(int count) {
            return new Run(members, (int) Math.min((long) min * count, Integer.MAX_VALUE));
        }

        /** The ASCII case variants of the members added (for a case-insensitive pattern). */
        Run folded() {
            return new Run(members.folded(), min);
        }

        /** The stronger requirement: the longer run, or of equal runs the smaller class. */
        static Run better(Run a, Run b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            if (a.min != b.min) {
                return a.min > b.min ? a : b;
            }
            return a.members.size() <= b.members.size() ? a : b;
        }

        boolean foundIn(String text) {
            int length = 0;
            for (int i = 0; i < text.length(); i++) {
                if (members.contains(text.charAt(i))) {
                    if (++length >= min) {
                        return true;
                    }
                } else {
                    length = 0;
                }
            }
            return false;
        }
    }

    /** The prefilter of an RE2 pattern, or null when the pattern gives no useful required literal or run. */
    public static RegexPrefilter of(String regex) {
        try {
            Analyzer analyzer = new Analyzer(regex);
            Info info = analyzer.parse();
            Run run = info.run() != null && info.run().min() >= MIN_RUN
                    ? (analyzer.ignoreCase ? info.run().folded() : info.run()) : null;
            Set<String> literals = literals(info.required(), analyzer.ignoreCase);
            return literals == null && run == null ? null : new RegexPrefilter(literals, run, analyzer.ignoreCase);
        } catch (Unsupported e) {
            return null;
        }
    }

    /** The required literals worth testing (lower case when the pattern ignores case), or null. */
    private static Set<String> literals(Set<String> required, boolean ignoreCase) {
        if (required == null || required.isEmpty() || required.size() > MAX_LITERALS) {
            return null;
        }
        Set<String> literals = new LinkedHashSet<>();
        for (String literal : required) {
            if (literal.length() < MIN_LENGTH) {
                return null;
            }
            if (ignoreCase) {
                for (int i = 0; i < literal.length(); i++) {
                    if (literal.charAt(i) > 127) {
                        return null;
                    }
                }
                literals.add(literal.toLowerCase(Locale.ROOT));
            } else {
                literals.add(literal);
            }
        }
        return literals;
    }

    /** The literals one of which a match must contain (lower case when the regex ignores case); empty when none. */
    public Set<String> literals() {
        return literals == null ? Set.of() : Set.of(literals);
    }

    /** The run of one class every match contains, or null. */
    Run run() {
        return run;
    }

    /** False only when the regex surely finds no match in {@code text}. */
    public boolean mayMatch(String text) {
        if (ignoreCase) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 127) {
                    return true; // RE2 folds the Kelvin sign to k and the long s to s
                }
            }
        }
        return (literals == null || containsALiteral(text)) && (run == null || run.foundIn(text));
    }

    private boolean containsALiteral(String text) {
        for (String literal : literals) {
            if (ignoreCase ? containsIgnoreAsciiCase(text, literal) : text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreAsciiCase(String text, String lowerLiteral) {
        int m = lowerLiteral.length();
        char first = lowerLiteral.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0, last = text.length() - m; i <= last; i++) {
            char c = text.charAt(i);
            if (c != first && c != firstUpper) {
                continue;
            }
            int j = 1;
            while (j < m && lower(text.charAt(i + j)) == lowerLiteral.charAt(j)) {
                j++;
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * What is known of the strings a sub-pattern matches: {@code exact}, the finite set of them (null when
     * unknown or too many); {@code any}, literals one of which every match contains (null: none known);
     * {@code run}, a run of one ASCII class every match contains (null: none known); {@code oneChar},
     * whether every match is one character of that class (so a count multiplies the run).
     */
    private record Info(Set<String> exact, Set<String> any, Run run, boolean oneChar) {
        static final Info UNKNOWN = new Info(null, null, null, false);
        static final Info EMPTY = new Info(Set.of(""), null, null, false);

        Info(Set<String> exact, Set<String> any, Run run) {
            this(exact, any, run, false);
        }

        static Info oneOf(Set<String> exact, Run run) {
            return new Info(exact, null, run, run != null);
        }

        /** The best requirement this node gives. */
        Set<String> required() {
            return better(asAny(exact), any);
        }
    }

    private static Set<String> asAny(Set<String> exact) {
        return exact == null || exact.contains("") ? null : exact;
    }

    /** The requirement whose shortest literal is longest: it filters most. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return minLength(b) > minLength(a) ? b : a;
    }

    private static int minLength(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            min = Math.min(min, s.length());
        }
        return min;
    }

    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** A recursive-descent reader of RE2 syntax computing {@link Info}; throws {@link Unsupported} on anything unusual. */
    private static final class Analyzer {
        private final String p;
        private int i;
        boolean ignoreCase;

        Analyzer(String pattern) throws Unsupported {
            this.p = pattern;
            if (p.startsWith("(?")) {
                int close = p.indexOf(')');
                String flags = close < 0 ? "" : p.substring(2, close);
                if (close > 0 && flags.matches("[imsU]+")) {
                    ignoreCase = flags.indexOf('i') >= 0;
                    i = close + 1;
                }
            }
        }

        Info parse() throws Unsupported {
            Info info = alternation();
            if (i != p.length()) {
                throw new Unsupported();
            }
            return info;
        }

        private Info alternation() throws Unsupported {
            Info first = concatenation();
            if (i >= p.length() || p.charAt(i) != '|') {
                return first;
            }
            Set<String> exact = first.exact == null ? null : new LinkedHashSet<>(first.exact);
            Set<String> any = first.required() == null ? null : new LinkedHashSet<>(first.required());
            Run run = first.run;
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                Info next = concatenation();
                run = run == null || next.run == null ? null : run.union(next.run);
                if (exact != null && next.exact != null && exact.size() + next.exact.size() <= MAX_EXACT) {
                    exact.addAll(next.exact);
                } else {
                    exact = null;
                }
                Set<String> required = next.required();
                if (any != null && required != null) {
                    any.addAll(required);
                } else {
                    any = null;
                }
            }
            return new Info(exact, any, run);
        }

        private Info concatenation() throws Unsupported {
            Set<String> run = Set.of("");
            Set<String> best = null;
            boolean broken = false;
            Run longest = null;
            int items = 0;
            Info only = null;
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                Info item = repetition();
                longest = Run.better(longest, item.run);
                only = item;
                items++;
                if (item.exact != null) {
                    if ((long) run.size() * item.exact.size() <= MAX_EXACT) {
                        run = product(run, item.exact);
                    } else {
                        best = better(best, asAny(run));
                        run = item.exact;
                        broken = true;
                    }
                } else {
                    best = better(best, asAny(run));
                    best = better(best, item.any);
                    run = Set.of("");
                    broken = true;
                }
            }
            if (items == 1) {
                return only; // a lone item keeps its one-character shape
            }
            if (!broken) {
                return new Info(run, null, longest);
            }
            return new Info(null, better(best, asAny(run)), longest);
        }

        private static Set<String> product(Set<String> left, Set<String> right) {
            Set<String> out = new LinkedHashSet<>();
            for (String l : left) {
                for (String r : right) {
                    out.add(l + r);
                }
            }
            return out;
        }

        private Info repetition() throws Unsupported {
            Info atom = atom();
            if (i >= p.length()) {
                return atom;
            }
            char c = p.charAt(i);
            int min;
            if (c == '*' || c == '?') {
                i++;
                min = 0;
            } else if (c == '+') {
                i++;
                min = 1;
            } else if (c == '{' && isCount(i)) {
                int close = p.indexOf('}', i);
                String body = p.substring(i + 1, close);
                i = close + 1;
                min = Integer.parseInt(body.contains(",") ? body.substring(0, body.indexOf(',')) : body); // RE2 caps counts at 1000
                if (body.equals("1") || body.equals("1,1")) {
                    skipLazy();
                    return atom;
                }
            } else {
                return atom;
            }
            skipLazy();
            if (i < p.length() && "*+?".indexOf(p.charAt(i)) >= 0) {
                throw new Unsupported(); // a repeated repetition: RE2 rejects most of these anyway
            }
            if (min == 0) {
                return Info.UNKNOWN;
            }
            Run run = atom.run == null ? null : atom.oneChar ? atom.run.times(min) : atom.run;
            return new Info(null, atom.required(), run);
        }

        private boolean isCount(int at) {
            int close = p.indexOf('}', at);
            return close > at + 1 && p.substring(at + 1, close).matches("\\d+(,\\d*)?");
        }

        private void skipLazy() {
            if (i < p.length() && p.charAt(i) == '?') {
                i++;
            }
        }

        private Info atom() throws Unsupported {
            char c = p.charAt(i);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return charClass();
                case '.':
                    i++;
                    return Info.UNKNOWN;
                case '^':
                case '$':
                    i++;
                    return Info.EMPTY;
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                case '{':
                    if (c == '{' && !isCount(i)) {
                        i++;
                        return literal('{');
                    }
                    throw new Unsupported();
                default:
                    i++;
                    return literal(c);
            }
        }

        private Info literal(char c) {
            return Info.oneOf(Set.of(String.valueOf(c)), c < 128 ? Run.of(c) : null);
        }

        private Info group() throws Unsupported {
            i++; // (
            if (p.startsWith("?:", i)) {
                i += 2;
            } else if (p.startsWith("?P<", i) || p.startsWith("?<", i)) {
                int close = p.indexOf('>', i);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 1;
            } else if (p.startsWith("?", i)) {
                int end = i + 1;
                while (end < p.length() && "imsU-".indexOf(p.charAt(end)) >= 0) {
                    end++;
                }
                String flags = p.substring(i + 1, end);
                if (end >= p.length() || flags.indexOf('i') >= 0 && !ignoreCase || flags.contains("-")) {
                    throw new Unsupported(); // a case change mid-pattern, or a flag cleared
                }
                if (p.charAt(end) == ')') {
                    i = end + 1;
                    return Info.EMPTY;
                }
                if (p.charAt(end) != ':') {
                    throw new Unsupported();
                }
                i = end + 1;
            }
            Info inner = alternation();
            if (i >= p.length() || p.charAt(i) != ')') {
                throw new Unsupported();
            }
            i++;
            return inner;
        }

        private Info escape() throws Unsupported {
            if (i + 1 >= p.length()) {
                throw new Unsupported();
            }
            char e = p.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'd': case 'w': case 's':
                    return Info.oneOf(null, new Run(AsciiSet.perl(e), 1));
                case 'D': case 'W': case 'S': case 'C':
                    return Info.UNKNOWN;
                case 'p': case 'P':
                    skipUnicodeClassName();
                    return Info.UNKNOWN;
                case 'b': case 'B': case 'A': case 'z':
                    return Info.EMPTY;
                case 'n':
                    return literal('\n');
                case 't':
                    return literal('\t');
                case 'r':
                    return literal('\r');
                case 'f':
                    return literal('\f');
                case 'v':
                    return literal('\u000B');
                case 'a':
                    return literal('\u0007');
                case 'Q': {
                    int end = p.indexOf("\\E", i);
                    String quoted = end < 0 ? p.substring(i) : p.substring(i, end);
                    i = end < 0 ? p.length() : end + 2;
                    return new Info(Set.of(quoted), null, null);
                }
                default:
                    if (Character.isLetterOrDigit(e) || e > 127) {
                        throw new Unsupported(); // \x, octal and anything else with a meaning of its own
                    }
                    return literal(e);
            }
        }

        /** After {@code \p} or {@code \P}: skips the class name, one letter or {@code {Name}}. */
        private void skipUnicodeClassName() throws Unsupported {
            if (i < p.length() && p.charAt(i) == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 1;
            } else {
                i++;
            }
        }

        private Info charClass() throws Unsupported {
            i++; // [
            if (i < p.length() && p.charAt(i) == '^') {
                skipClass();
                return Info.UNKNOWN;
            }
            Set<String> chars = new LinkedHashSet<>();
            boolean simple = true;
            AsciiSet members = AsciiSet.EMPTY;
            boolean ascii = true; // every member known and ASCII, so members is the whole class
            boolean first = true;
            while (i < p.length() && (p.charAt(i) != ']' || first)) {
                first = false;
                char c = p.charAt(i);
                if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                    int close = p.indexOf(":]", i);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    i = close + 2;
                    simple = false;
                    ascii = false;
                    continue;
                }
                char member;
                if (c == '\\') {
                    if (i + 1 >= p.length()) {
                        throw new Unsupported();
                    }
                    char e = p.charAt(i + 1);
                    i += 2;
                    if (Character.isLetterOrDigit(e) || e > 127) {
                        if (e == 'p' || e == 'P') {
                            skipUnicodeClassName();
                            ascii = false;
                        } else if ("dws".indexOf(e) >= 0) {
                            members = members.with(AsciiSet.perl(e));
                        } else if ("DWS".indexOf(e) >= 0) {
                            ascii = false;
                        } else {
                            throw new Unsupported();
                        }
                        simple = false;
                        continue;
                    }
                    member = e;
                } else {
                    member = c;
                    i++;
                }
                if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    i++; // a range
                    char last;
                    if (p.charAt(i) == '\\') {
                        last = i + 1 < p.length() ? p.charAt(i + 1) : 0;
                        ascii &= !Character.isLetterOrDigit(last); // \x41 and the like: not read here
                        i += 2;
                    } else {
                        last = p.charAt(i);
                        i++;
                    }
                    if (member < 128 && last < 128 && member <= last) {
                        members = members.with(AsciiSet.range(member, last));
                    } else {
                        ascii = false;
                    }
                    simple = false;
                    continue;
                }
                if (member < 128) {
                    members = members.with(AsciiSet.of(member));
                } else {
                    ascii = false;
                }
                chars.add(String.valueOf(member));
            }
            if (i >= p.length()) {
                throw new Unsupported();
            }
            i++; // ]
            Run run = ascii ? new Run(members, 1) : null;
            return Info.oneOf(simple && chars.size() <= 8 ? chars : null, run);
        }

        private void skipClass() throws Unsupported {
            boolean first = true;
            while (i < p.length() && (p.charAt(i) != ']' || first)) {
                first = false;
                if (p.charAt(i) == '\\') {
                    i++;
                } else if (p.charAt(i) == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                    int close = p.indexOf(":]", i);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    i = close + 1;
                }
                i++;
            }
            if (i >= p.length()) {
                throw new Unsupported();
            }
            i++;
        }
    }
}
