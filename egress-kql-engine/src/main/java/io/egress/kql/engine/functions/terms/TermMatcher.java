package io.egress.kql.engine.functions.terms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kusto's term matching ({@code has}, {@code has_cs}, {@code hasprefix}, {@code hassuffix}, {@code
 * has_any}, {@code has_all}), compiled once from constant needles.
 *
 * <p>A needle matches where it occurs in the value and each alphanumeric edge of the needle falls on a
 * term boundary (see {@link Terms}): if it starts with a term character the character before the
 * occurrence must not be one; if it ends with a term character the character after must not be one.
 * Edges that are punctuation or space impose nothing, so {@code has "-T "} is a substring test.
 * {@link Mode#PREFIX} checks only the leading edge ("RHS is a term prefix in LHS"), {@link
 * Mode#SUFFIX} only the trailing edge. An empty needle matches every string (and reports no
 * occurrence in {@link #findAll}).
 *
 * <p>One needle uses a scan loop; several use one Aho-Corasick automaton over case-folded chars.
 * Instances are immutable and thread-safe.
 */
public final class TermMatcher {
    /** Which needle edges must be on term boundaries. */
    public enum Mode { TERM, PREFIX, SUFFIX }

    private final boolean caseSensitive;
    private final String[] originals; // distinct needles as given (first spelling), non-empty
    private final String[] keys; // folded when case-insensitive
    private final boolean[] checkStart;
    private final boolean[] checkEnd;
    private final boolean hasEmpty;
    private final Automaton automaton; // null for zero or one needle

    private TermMatcher(List<String> needles, boolean caseSensitive, Mode mode) {
        this.caseSensitive = caseSensitive;
        Map<String, String> distinct = new LinkedHashMap<>();
        boolean empty = false;
        for (String n : needles) {
            Objects.requireNonNull(n, "needle");
            if (n.isEmpty()) {
                empty = true;
                continue;
            }
            distinct.putIfAbsent(caseSensitive ? n : Terms.fold(n), n);
        }
        this.hasEmpty = empty;
        this.keys = distinct.keySet().toArray(new String[0]);
        this.originals = distinct.values().toArray(new String[0]);
        this.checkStart = new boolean[keys.length];
        this.checkEnd = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            checkStart[i] = mode != Mode.SUFFIX && Terms.isTermChar(k.charAt(0));
            checkEnd[i] = mode != Mode.PREFIX && Terms.isTermChar(k.charAt(k.length() - 1));
        }
        this.automaton = keys.length > 1 ? new Automaton(keys) : null;
    }

    /** Term semantics ({@code has}, {@code has_any}, {@code has_all}). */
    public static TermMatcher compile(List<String> needles, boolean caseSensitive) {
        return new TermMatcher(needles, caseSensitive, Mode.TERM);
    }

    public static TermMatcher compile(List<String> needles, boolean caseSensitive, Mode mode) {
        return new TermMatcher(needles, caseSensitive, mode);
    }

    /** The distinct non-empty needles, in first-seen order. */
    public List<String> needles() {
        return List.of(originals);
    }

    /** True when at least one needle matches ({@code has}, {@code has_any}); false for no needles. */
    public boolean matchesAny(String haystack) {
        if (hasEmpty) {
            return true;
        }
        if (keys.length == 0) {
            return false;
        }
        if (automaton == null) {
            return nextSingle(haystack, 0) >= 0;
        }
        return automaton.scan(haystack, this, null, null) > 0;
    }

    /** True when every needle matches ({@code has_all}); true for no needles. */
    public boolean matchesAll(String haystack) {
        if (keys.length == 0) {
            return true;
        }
        if (automaton == null) {
            return nextSingle(haystack, 0) >= 0;
        }
        return automaton.scan(haystack, this, new boolean[keys.length], null) == keys.length;
    }

    /** How many distinct needles match (for {@code has_all} explanations and tests). */
    public int countMatching(String haystack) {
        if (keys.length == 0) {
            return 0;
        }
        if (automaton == null) {
            return nextSingle(haystack, 0) >= 0 ? 1 : 0;
        }
        return automaton.scan(haystack, this, new boolean[keys.length], null);
    }

    /**
     * The index of {@code needle}'s distinct key (the position {@link #matchEach} marks for it), or -1
     * for the empty needle or one this matcher was not built with.
     */
    public int keyIndex(String needle) {
        String key = caseSensitive ? needle : Terms.fold(needle);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Marks in {@code seen} (one entry per distinct key, all false on entry) every key that matches: one
     * scan answers several {@code has} tests over the same value.
     */
    public void matchEach(String haystack, boolean[] seen) {
        if (keys.length == 0) {
            return;
        }
        if (automaton == null) {
            seen[0] = nextSingle(haystack, 0) >= 0;
            return;
        }
        automaton.scan(haystack, this, seen, null);
    }

    /** Every boundary-respecting occurrence, ordered by end then by start (overlaps included). */
    public List<TermMatch> findAll(String haystack) {
        List<TermMatch> out = new ArrayList<>();
        if (keys.length == 0) {
            return out;
        }
        if (automaton == null) {
            int from = 0;
            int at;
            while ((at = nextSingle(haystack, from)) >= 0) {
                out.add(new TermMatch(originals[0], at, at + keys[0].length()));
                from = at + 1;
            }
            return out;
        }
        automaton.scan(haystack, this, null, out);
        return out;
    }

    private boolean boundaryOk(String h, int needle, int start, int end) {
        if (checkStart[needle] && start > 0 && Terms.isTermChar(h.charAt(start - 1))) {
            return false;
        }
        return !(checkEnd[needle] && end < h.length() && Terms.isTermChar(h.charAt(end)));
    }

    /** The next valid start of the single needle at or after {@code from}, or -1. */
    private int nextSingle(String h, int from) {
        String k = keys[0];
        int m = k.length();
        int last = h.length() - m;
        if (caseSensitive) {
            for (int i = h.indexOf(k, from); i >= 0 && i <= last; i = h.indexOf(k, i + 1)) {
                if (boundaryOk(h, 0, i, i + m)) {
                    return i;
                }
            }
            return -1;
        }
        char first = k.charAt(0);
        outer:
        for (int i = from; i <= last; i++) {
            if (Terms.fold(h.charAt(i)) != first) {
                continue;
            }
            for (int j = 1; j < m; j++) {
                if (Terms.fold(h.charAt(i + j)) != k.charAt(j)) {
                    continue outer;
                }
            }
            if (boundaryOk(h, 0, i, i + m)) {
                return i;
            }
        }
        return -1;
    }

    /** Aho-Corasick over chars: a dense table for ASCII, a hash map for other chars. */
    private static final class Automaton {
        private int[][] ascii; // [state][c] -> next state (full DFA for ASCII)
        private final Map<Long, Integer> other = new HashMap<>(); // (state << 16 | c) -> goto (trie only)
        private int[] fail;
        private int[][] outputs; // needle indices ending at each state (including via fail links)
        private int[] delta; // ascii rows flattened: delta[state << 7 | c]
        private boolean[] accepting;
        private int states;

        Automaton(String[] keys) {
            int capacity = 1;
            for (String k : keys) {
                capacity += k.length();
            }
            ascii = new int[capacity][];
            fail = new int[capacity];
            List<List<Integer>> out = new ArrayList<>();
            ascii[0] = newRow();
            out.add(new ArrayList<>());
            states = 1;
            for (int n = 0; n < keys.length; n++) {
                int s = 0;
                for (char c : keys[n].toCharArray()) {
                    int next = gotoTrie(s, c);
                    if (next < 0) {
                        next = states++;
                        ascii[next] = newRow();
                        out.add(new ArrayList<>());
                        if (c < 128) {
                            ascii[s][c] = next;
                        } else {
                            other.put(key(s, c), next);
                        }
                    }
                    s = next;
                }
                out.get(s).add(n);
            }
            // Breadth-first: failure links, merged outputs, ASCII rows completed into a DFA.
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            Map<Integer, List<long[]>> otherChildren = new HashMap<>();
            for (Map.Entry<Long, Integer> e : other.entrySet()) {
                int parent = (int) (e.getKey() >>> 16);
                otherChildren.computeIfAbsent(parent, p -> new ArrayList<>()).add(new long[] {e.getKey() & 0xFFFF, e.getValue()});
            }
            for (int c = 0; c < 128; c++) {
                int t = ascii[0][c];
                if (t < 0) {
                    ascii[0][c] = 0;
                } else {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
            for (long[] ch : otherChildren.getOrDefault(0, List.of())) {
                fail[(int) ch[1]] = 0;
                queue.add((int) ch[1]);
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                out.get(s).addAll(out.get(fail[s]));
                for (int c = 0; c < 128; c++) {
                    int t = ascii[s][c];
                    if (t < 0) {
                        ascii[s][c] = ascii[fail[s]][c];
                    } else {
                        fail[t] = ascii[fail[s]][c];
                        queue.add(t);
                    }
                }
                for (long[] ch : otherChildren.getOrDefault(s, List.of())) {
                    int t = (int) ch[1];
                    fail[t] = step(fail[s], (char) ch[0]);
                    queue.add(t);
                }
            }
            outputs = new int[states][];
            for (int s = 0; s < states; s++) {
                outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
            }
            ascii = Arrays.copyOf(ascii, states);
            fail = Arrays.copyOf(fail, states);
            delta = new int[states << 7];
            accepting = new boolean[states];
            for (int s = 0; s < states; s++) {
                System.arraycopy(ascii[s], 0, delta, s << 7, 128);
                accepting[s] = outputs[s].length > 0;
            }
        }

        private static int[] newRow() {
            int[] row = new int[128];
            Arrays.fill(row, -1);
            return row;
        }

        private static long key(int state, char c) {
            return ((long) state << 16) | c;
        }

        private int gotoTrie(int s, char c) {
            if (c < 128) {
                return ascii[s][c];
            }
            Integer t = other.get(key(s, c));
            return t == null ? -1 : t;
        }

        /** The transition for a non-ASCII char, following failure links (ASCII rows are complete). */
        private int step(int s, char c) {
            if (c < 128) {
                return ascii[s][c];
            }
            while (true) {
                Integer t = other.get(key(s, c));
                if (t != null) {
                    return t;
                }
                if (s == 0) {
                    return 0;
                }
                s = fail[s];
            }
        }

        /**
         * Scans; with {@code seen == null && found == null} returns 1 at the first valid match. With
         * {@code seen} counts distinct needles (stopping when all are seen). With {@code found} collects all.
         */
        int scan(String h, TermMatcher m, boolean[] seen, List<TermMatch> found) {
            int s = 0;
            int distinct = 0;
            boolean fold = !m.caseSensitive;
            int[] table = delta;
            boolean[] acc = accepting;
            for (int i = 0, n = h.length(); i < n; i++) {
                char c = h.charAt(i);
                if (fold) {
                    c = Terms.fold(c);
                }
                s = c < 128 ? table[(s << 7) | c] : step(s, c);
                if (!acc[s]) {
                    continue;
                }
                int[] outs = outputs[s];
                for (int o : outs) {
                    int end = i + 1;
                    int start = end - m.keys[o].length();
                    if (!m.boundaryOk(h, o, start, end)) {
                        continue;
                    }
                    if (found != null) {
                        found.add(new TermMatch(m.originals[o], start, end));
                    } else if (seen != null) {
                        if (!seen[o]) {
                            seen[o] = true;
                            if (++distinct == seen.length) {
                                return distinct;
                            }
                        }
                    } else {
                        return 1;
                    }
                }
            }
            return found != null ? found.size() : distinct;
        }
    }
}
