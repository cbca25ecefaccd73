package io.egress.kql.engine.functions.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The automaton (and the single-needle loop) against a naive reference on random strings and needles. */
class TermMatcherPropertiesTest {
    private static final String ALPHABET = "aAbB1 -./:é_";

    @Provide
    Arbitrary<String> haystacks() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(40);
    }

    @Provide
    Arbitrary<List<String>> needleLists() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(5)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 2000)
    void findAllMatchesNaive(@ForAll("haystacks") String h, @ForAll("needleLists") List<String> needles,
            @ForAll boolean caseSensitive, @ForAll TermMatcher.Mode mode) {
        TermMatcher m = TermMatcher.compile(needles, caseSensitive, mode);
        List<TermMatch> expected = naive(h, needles, caseSensitive, mode);
        assertThat(sorted(m.findAll(h))).isEqualTo(sorted(expected));
        boolean anyEmpty = needles.stream().anyMatch(String::isEmpty);
        assertThat(m.matchesAny(h)).isEqualTo(anyEmpty || !expected.isEmpty());
        long distinctFound = expected.stream().map(TermMatch::needle).distinct().count();
        assertThat(m.matchesAll(h)).isEqualTo(distinctFound == m.needles().size());
    }

    @Property(tries = 1000)
    void singleNeedleAgreesWithAutomaton(@ForAll("haystacks") String h, @ForAll("needleLists") List<String> needles,
            @ForAll boolean caseSensitive) {
        TermMatcher all = TermMatcher.compile(needles, caseSensitive);
        boolean any = false;
        for (String n : needles) {
            any |= TermMatcher.compile(List.of(n), caseSensitive).matchesAny(h);
        }
        assertThat(all.matchesAny(h)).isEqualTo(any);
    }

    private static List<TermMatch> sorted(List<TermMatch> in) {
        List<TermMatch> out = new ArrayList<>(in);
        out.sort(Comparator.comparingInt(TermMatch::start).thenComparingInt(TermMatch::end).thenComparing(TermMatch::needle));
        return out;
    }

    /** Reference: every start position, char-by-char comparison, explicit boundary rules. */
    static List<TermMatch> naive(String h, List<String> needles, boolean cs, TermMatcher.Mode mode) {
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String n : needles) {
            if (!n.isEmpty()) {
                distinct.putIfAbsent(cs ? n : Terms.fold(n), n);
            }
        }
        String hay = cs ? h : Terms.fold(h);
        List<TermMatch> out = new ArrayList<>();
        for (Map.Entry<String, String> e : distinct.entrySet()) {
            String k = e.getKey();
            for (int i = 0; i + k.length() <= h.length(); i++) {
                if (!hay.startsWith(k, i)) {
                    continue;
                }
                int end = i + k.length();
                boolean startOk = mode == TermMatcher.Mode.SUFFIX || !Terms.isTermChar(k.charAt(0))
                        || i == 0 || !Terms.isTermChar(h.charAt(i - 1));
                boolean endOk = mode == TermMatcher.Mode.PREFIX || !Terms.isTermChar(k.charAt(k.length() - 1))
                        || end == h.length() || !Terms.isTermChar(h.charAt(end));
                if (startOk && endOk) {
                    out.add(new TermMatch(e.getValue(), i, end));
                }
            }
        }
        return out;
    }
}
