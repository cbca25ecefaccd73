package io.egress.kql.engine.functions.operators;

import java.util.ArrayList;
import java.util.List;

/**
 * An exact matcher, in place of RE2/J, for the regular expressions detections write most to spot encoded
 * payloads: a sequence of single characters and ASCII classes with counts, optionally anchored
 * ({@code [A-Za-z0-9+/]{20,}\.[a-z]{2,}}, {@code ^[0-9a-fA-F]+$}, {@code \w{32}}). RE2/J simulates an NFA
 * that expands each count into that many states and steps every one of them per character; here each
 * item keeps the counts it may be at as the bits of one long, so a character costs a shift and a mask
 * per item. {@link #find} answers whether RE2 would find a match anywhere in the text (greedy or lazy
 * counts do not change that), with RE2's meaning of {@code ^} and {@code $} (text start and end; no
 * multi-line flag). A pattern with anything else (groups, alternation, {@code .}, negated classes,
 * Unicode classes, counts above {@value #MAX_COUNT}) gets no such matcher. Under {@code (?i)} a text
 * with a non-ASCII character is left to RE2, which folds the Kelvin sign to k and the long s to s.
 */
public final class ClassSequence {
    static final int MAX_COUNT = 62;

    /** One item: its ASCII members and its count range (max -1: unbounded). */
    private record Item(AsciiSet members, int min, int max) {
        /** The highest count state kept: max, or min when unbounded (any count from min on is alike). */
        int cap() {
            return max < 0 ? min : max;
        }
    }

    private final Item[] items;
    /** Per ASCII character, bit k set when item k holds it. */
    private final int[] membership = new int[128];
    private final long[] stateMask;
    private final long[] accepting;
    /** Per item, the bit a count stays at once past the minimum of an unbounded count; 0 when bounded. */
    private final long[] saturation;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    private final boolean ignoreCase;

    private ClassSequence(List<Item> items, boolean anchoredStart, boolean anchoredEnd, boolean ignoreCase) {
        this.items = items.toArray(Item[]::new);
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
        this.ignoreCase = ignoreCase;
        stateMask = new long[this.items.length];
        accepting = new long[this.items.length];
        saturation = new long[this.items.length];
        for (int k = 0; k < this.items.length; k++) {
            Item item = this.items[k];
            int cap = item.cap();
            stateMask[k] = cap == 63 ? -1L : (1L << (cap + 1)) - 1;
            accepting[k] = stateMask[k] & ~((1L << item.min()) - 1);
            saturation[k] = item.max() < 0 ? 1L << cap : 0;
            for (char c = 0; c < 128; c++) {
                if (item.members().contains(c)) {
                    membership[c] |= 1 << k;
                }
            }
        }
    }

    /** The matcher of an RE2 pattern, or null when the pattern is not such a sequence. */
    public static ClassSequence of(String pattern) {
        return new Parser(pattern).parse();
    }

    /** Whether this matcher cannot decide {@code text} (a case-insensitive pattern and a non-ASCII text). */
    public boolean defersTo(String text) {
        if (!ignoreCase) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pattern matches somewhere in {@code text} (callers check {@link #defersTo} first). */
    public boolean find(String text) {
        int n = items.length;
        long[] state = new long[n];
        int length = text.length();
        for (int i = 0; ; i++) {
            // positions between characters: items that may start here (all before them complete or empty)
            boolean ready = !anchoredStart || i == 0;
            for (int k = 0; k < n; k++) {
                if (ready) {
                    state[k] |= 1L;
                }
                ready = (state[k] & accepting[k]) != 0;
            }
            if (ready && (!anchoredEnd || i == length)) {
                return true;
            }
            if (i == length) {
                return false;
            }
            char c = text.charAt(i);
            int members = c < 128 ? membership[c] : 0;
            boolean alive = false;
            for (int k = 0; k < n; k++) {
                long s = state[k];
                if (s == 0) {
                    continue;
                }
                if ((members >>> k & 1) == 0) {
                    state[k] = 0;
                    continue;
                }
                long next = (s << 1) & stateMask[k] | s & saturation[k];
                state[k] = next;
                alive |= next != 0;
            }
            if (!alive && anchoredStart) {
                return false; // nothing can start again after the first position
            }
        }
    }

    /** Reads the supported subset of RE2 syntax; any other construct gives null. */
    private static final class Parser {
        private final String p;
        private int i;

        Parser(String pattern) {
            this.p = pattern;
        }

        ClassSequence parse() {
            boolean ignoreCase = false;
            if (p.startsWith("(?i)")) {
                ignoreCase = true;
                i = 4;
            }
            boolean start = false;
            if (i < p.length() && p.charAt(i) == '^') {
                start = true;
                i++;
            }
            List<Item> items = new ArrayList<>();
            boolean end = false;
            while (i < p.length()) {
                if (p.charAt(i) == '$' && i == p.length() - 1) {
                    end = true;
                    i++;
                    break;
                }
                AsciiSet members = atom();
                if (members == null) {
                    return null;
                }
                int[] count = count();
                if (count == null) {
                    return null;
                }
                items.add(new Item(ignoreCase ? members.folded() : members, count[0], count[1]));
            }
            if (items.isEmpty() || items.size() > 16) {
                return null;
            }
            return new ClassSequence(items, start, end, ignoreCase);
        }

        /** The members of the next atom, or null when unsupported. */
        private AsciiSet atom() {
            char c = p.charAt(i);
            if (c == '[') {
                return charClass();
            }
            if (c == '\\') {
                return escape();
            }
            if ("()|.*+?{}^$".indexOf(c) >= 0 || c > 127) {
                return null;
            }
            i++;
            return AsciiSet.of(c);
        }

        /** After a backslash: {@code \d}, {@code \w}, {@code \s} or one escaped character; null otherwise. */
        private AsciiSet escape() {
            if (i + 1 >= p.length()) {
                return null;
            }
            char e = p.charAt(i + 1);
            i += 2;
            AsciiSet perl = AsciiSet.perl(e);
            if (perl != null) {
                return perl;
            }
            int literal = escapedLiteral(e);
            return literal < 0 ? null : AsciiSet.of(literal);
        }

        private AsciiSet charClass() {
            i++; // [
            if (i < p.length() && p.charAt(i) == '^') {
                return null;
            }
            AsciiSet members = AsciiSet.EMPTY;
            boolean first = true;
            while (i < p.length() && (p.charAt(i) != ']' || first)) {
                first = false;
                char c = p.charAt(i);
                if (c == '[') {
                    return null; // [:alpha:] and friends
                }
                int from;
                if (c == '\\') {
                    AsciiSet escaped = escape();
                    if (escaped == null) {
                        return null;
                    }
                    if (escaped.size() > 1) {
                        members = members.with(escaped); // \d, \w, \s
                        continue;
                    }
                    from = escaped.first();
                } else {
                    from = c;
                    i++;
                }
                if (from > 127) {
                    return null;
                }
                int to = from;
                if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    char last = p.charAt(i + 1);
                    if (last == '\\' || last == '[' || last > 127) {
                        return null;
                    }
                    to = last;
                    i += 2;
                    if (to < from) {
                        return null;
                    }
                }
                members = members.with(AsciiSet.range(from, to));
            }
            if (i >= p.length()) {
                return null;
            }
            i++; // ]
            return members;
        }

        /** {@code {min, max}} of the quantifier after an atom (max -1: unbounded), or null. */
        private int[] count() {
            int min = 1;
            int max = 1;
            if (i < p.length()) {
                char c = p.charAt(i);
                if (c == '?' || c == '*' || c == '+') {
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : -1;
                    i++;
                } else if (c == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0) {
                        return null;
                    }
                    String body = p.substring(i + 1, close);
                    if (!body.matches("\\d{1,4}(,\\d{0,4})?")) {
                        return null; // RE2 reads a malformed count as literal text: not handled here
                    }
                    int comma = body.indexOf(',');
                    min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                    if (max >= 0 && max < min) {
                        return null;
                    }
                    i = close + 1;
                }
                if (i < p.length() && p.charAt(i) == '?') {
                    i++; // lazy: the same set of matches
                }
                if (i < p.length() && "?*+{".indexOf(p.charAt(i)) >= 0) {
                    return null;
                }
            }
            if (Math.max(min, max) > MAX_COUNT) {
                return null;
            }
            return new int[] {min, max};
        }

        /** The character an escape stands for (punctuation, {@code \t \n \r \f \v}), or -1. */
        private static int escapedLiteral(char e) {
            return switch (e) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'f' -> '\f';
                case 'v' -> 0x0B;
                default -> e < 128 && !Character.isLetterOrDigit(e) ? e : -1;
            };
        }
    }
}
